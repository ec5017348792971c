package dev.waotp.sample.web;

import dev.waotp.AuthTemplate;
import dev.waotp.Otp;
import dev.waotp.SendResult;
import dev.waotp.To;

/** The account's approved authentication template; the starter makes the verifier send through it. */
@AuthTemplate(name = "auth1", lang = "en_US")
public interface LoginCode {
    /**
     * Sends a code.
     *
     * @param phone the recipient, in E.164 form
     * @param code the one-time password
     * @return Kaleyra's answer
     */
    SendResult send(@To String phone, @Otp String code);
}
