package dev.waotp.sample;

import dev.waotp.AuthTemplate;
import dev.waotp.Otp;
import dev.waotp.Ref;
import dev.waotp.Ref2;
import dev.waotp.SendResult;
import dev.waotp.To;

/** The app's one template; waotp generates {@code LoginCodeImpl} from it at compile time. */
@AuthTemplate(name = "auth1", lang = "en_US")
public interface LoginCode {
    SendResult send(@To String phone, @Otp String code);

    /** {@code reference} shows up in Kaleyra's reports and callbacks as {@code ref}. */
    SendResult send(@To String phone, @Otp String code, @Ref String reference);

    /** The verifier's tracked sender: its tag comes back in Kaleyra's delivery callbacks as {@code ref2}. */
    SendResult sendTagged(@To String phone, @Otp String code, @Ref2 String tag);
}
