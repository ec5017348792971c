package dev.waotp.sample.di;

import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Application code that knows only the {@link SignInCode} interface. {@code @Named} so that Spring's
 * component scanning finds it, as it finds the generated sender.
 */
@Named
public final class SignInService {
    private final SignInCode signInCode;

    @Inject
    public SignInService(SignInCode signInCode) {
        this.signInCode = signInCode;
    }

    /** Sends {@code otp} to {@code phone}; the message id Kaleyra answered with. */
    public String sendCode(String phone, String otp) {
        return signInCode.send(phone, otp).messageId();
    }
}
