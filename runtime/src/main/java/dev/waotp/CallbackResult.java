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
     * The callback was authenticated and well formed; every listener heard its statuses.
     *
     * @param statuses the statuses the callback carried, in its order
     */
    record Accepted(List<DeliveryStatus> statuses) implements CallbackResult {
        /** Copies the list. */
        public Accepted {
            statuses = List.copyOf(statuses);
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
