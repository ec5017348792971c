package dev.waotp.sample.di;

import dev.waotp.sample.LoginCode;
import jakarta.inject.Inject;

/** Application code that knows only the sample app's {@link LoginCode} interface. */
public final class LoginService {
    private final LoginCode loginCode;

    @Inject
    public LoginService(LoginCode loginCode) {
        this.loginCode = loginCode;
    }

    /** Sends {@code otp} to {@code phone}; the message id Kaleyra answered with. */
    public String sendCode(String phone, String otp) {
        return loginCode.send(phone, otp).messageId();
    }
}
