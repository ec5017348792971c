package dev.waotp.spring.secured;

import dev.waotp.AuthTemplate;
import dev.waotp.Otp;
import dev.waotp.SendResult;
import dev.waotp.To;

/** The secured application's template, found by scanning its auto-configuration package. */
@AuthTemplate(name = "auth1", lang = "en_US")
public interface SecuredCode {
    SendResult send(@To String phone, @Otp String code);
}
