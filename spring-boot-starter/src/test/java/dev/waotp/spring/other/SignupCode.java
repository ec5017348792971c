package dev.waotp.spring.other;

import dev.waotp.AuthTemplate;
import dev.waotp.Otp;
import dev.waotp.SendResult;
import dev.waotp.To;

/** A template outside the application's package, as a shared library would hold it. */
@AuthTemplate(name = "signup_code", lang = "en")
public interface SignupCode {
    SendResult send(@To String phone, @Otp String code);
}
