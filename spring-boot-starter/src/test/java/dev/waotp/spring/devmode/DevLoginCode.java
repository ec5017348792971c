package dev.waotp.spring.devmode;

import dev.waotp.AuthTemplate;
import dev.waotp.Otp;
import dev.waotp.Ref2;
import dev.waotp.SendResult;
import dev.waotp.To;

/** The dev-mode application's template: its {@code @Ref2} lets the verifier hear its delivery callbacks. */
@AuthTemplate(name = "auth1", lang = "en_US")
public interface DevLoginCode {
    SendResult send(@To String phone, @Otp String code, @Ref2 String tag);
}
