package dev.waotp;

import java.util.List;

/**
 * What a {@link CallbackHandler} made of one callback request, with the HTTP status to answer
 * Kaleyra with: {@link Accepted} 200, {@link Rejected} 401 or 400.
 */
public sealed interface CallbackResult permits CallbackResult.Accepted, CallbackResult.Rejected {
    /** The status code to answer the callback request with. */
    int httpStatus();

    /**
     * The callback was authenticated and well formed; every listener heard its statuses. A delivery
     * callback carries delivery statuses, a template-status callback one template's status.
     *
     * @param statuses the delivery statuses the callback carried, in its order
     * @param templateStatuses the template status the callback carried, or none
     */
    record Accepted(List<DeliveryStatus> statuses, List<TemplateStatusUpdate> templateStatuses)
            implements CallbackResult {
        /** Copies the lists. */
        public Accepted {
            statuses = List.copyOf(statuses);
            templateStatuses = List.copyOf(templateStatuses);
        }

        /** A delivery callback's result: its statuses, no template status. */
        public Accepted(List<DeliveryStatus> statuses) {
            this(statuses, List.of());
        }

        @Override
        public int httpStatus() {
            return 200;
        }
    }

    /**
     * The callback was refused and changed nothing: no listener heard of it.
     *
     * @param reason why; never the credentials or the body
     */
    record Rejected(Reason reason) implements CallbackResult {
        @Override
        public int httpStatus() {
            return reason == Reason.UNAUTHENTICATED ? 401 : 400;
        }
    }

    /** Why a callback was refused. */
    enum Reason {
        /** The configured credentials were missing or wrong; the body was not read. */
        UNAUTHENTICATED,
        /** Authenticated, but the body is not a status callback this library can read. */
        MALFORMED
    }
}
