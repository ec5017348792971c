package dev.waotp;

/**
 * Hears each template-status callback that a {@link CallbackHandler} accepted: authenticated and well
 * formed. Called on the thread that handles the callback request.
 *
 * <p>The status only informs (for example the {@code waotp} health indicator): Meta decides whether a
 * template can be sent, so a forged or stale status never lets a send through or stops one. Kaleyra may
 * post the same status twice; an exception thrown here reaches the server, which answers 5xx, so that
 * Kaleyra tries again.
 */
@FunctionalInterface
public interface TemplateStatusListener {
    /** One accepted template status. */
    void onTemplateStatus(TemplateStatusUpdate update);
}
