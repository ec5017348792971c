package dev.waotp.spring.app;

import dev.waotp.AuthTemplate;
import dev.waotp.Otp;
import dev.waotp.SendResult;
import dev.waotp.To;

/** The application's template, found by scanning the auto-configuration package. */
@AuthTemplate(name = "auth1", lang = "en_US")
public interface LoginCode {
    SendResult send(@To String phone, @Otp String code);
}
