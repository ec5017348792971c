package dev.waotp.spring;

import dev.waotp.CallbackHandler;
import dev.waotp.verify.CodeSender;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * {@code waotp.verify.fallback.no-delivery-after} sends a code again by SMS when no "delivered" came in
 * time. Without Kaleyra's callbacks reaching the verifier, or without the verifier's tag on the message
 * ({@code @Ref2}) to match a callback to its code, none ever comes, and every WhatsApp code, delivered or
 * not, would also go by SMS: the start-up stops instead.
 */
final class DeliveryTracking {
    private static final String PROPERTY = "waotp.verify.fallback.no-delivery-after";
    private static final String EVERY_CODE = " so every WhatsApp code would also be sent by SMS.";

    private DeliveryTracking() {}

    /**
     * @param fallback the fallback's properties, {@code null} when the SMS fallback is off
     * @param beans where a {@link CallbackHandler} (the callback endpoint's, or the application's own) is
     */
    static void requireFor(@Nullable FallbackProperties fallback, CodeSender sender, ListableBeanFactory beans) {
        if (fallback == null || fallback.noDeliveryAfter() == null) {
            return;
        }
        if (beans.getBeanNamesForType(CallbackHandler.class, true, false).length == 0) {
            throw new WaotpStartupException("The property " + PROPERTY + " needs Kaleyra's delivery callbacks, and"
                    + " this application has no callback endpoint (waotp.callbacks.path is not set): no \"delivered\""
                    + " could arrive," + EVERY_CODE,
                    "Set waotp.callbacks.path and its credentials to what your Kaleyra callback profile posts to, or"
                            + " remove " + PROPERTY + ".", null);
        }
        if (!(sender instanceof TemplateCodeSender template && template.tracked())) {
            throw new WaotpStartupException("The property " + PROPERTY + " needs delivery tracking, and the"
                    + " Verifier's sender " + sender + " has no @Ref2 parameter for its tag: no \"delivered\" could"
                    + " be matched to a code," + EVERY_CODE,
                    "Give the sender a method such as SendResult send(@To String phone, @Otp String code, @Ref2"
                            + " String tag), or remove " + PROPERTY + ".", null);
        }
    }
}
