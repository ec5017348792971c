package example;

import dev.waotp.AuthTemplate;
import dev.waotp.Otp;
import dev.waotp.SendResult;
import dev.waotp.To;

/** A user's template interface; the starter registers the generated {@code LoginCodeImpl} as a bean. */
@AuthTemplate(name = "auth1", lang = "en_US")
public interface LoginCode {
    SendResult send(@To String phone, @Otp String code);
}
