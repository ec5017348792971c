package example.shop;

import dev.waotp.AuthTemplate;
import dev.waotp.Otp;
import dev.waotp.Ref2;
import dev.waotp.SendResult;
import dev.waotp.To;

@AuthTemplate(name = "auth1", lang = "en_US")
public interface LoginCode {
    SendResult send(@To String phone, @Otp String code, @Ref2 String tag);
}
