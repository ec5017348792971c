package dev.waotp.spring.templatestatus;

import dev.waotp.AuthTemplate;
import dev.waotp.Otp;
import dev.waotp.SendResult;
import dev.waotp.To;

/** The one template this application sends with, the one the template-status fixture names. */
@AuthTemplate(name = "auth1", lang = "en_US")
public interface PausableCode {
    SendResult send(@To String phone, @Otp String code);
}
