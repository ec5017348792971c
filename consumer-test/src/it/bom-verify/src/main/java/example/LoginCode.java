package example;

import dev.waotp.AuthTemplate;
import dev.waotp.Otp;
import dev.waotp.SendResult;
import dev.waotp.To;

/** A user's template interface; the waotp processor generates {@code LoginCodeImpl} from it. */
@AuthTemplate(name = "auth1", lang = "en_US")
public interface LoginCode {
    SendResult send(@To String phone, @Otp String code);
}
