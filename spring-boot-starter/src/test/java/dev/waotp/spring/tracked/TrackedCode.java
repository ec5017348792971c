package dev.waotp.spring.tracked;

import dev.waotp.AuthTemplate;
import dev.waotp.Otp;
import dev.waotp.Ref2;
import dev.waotp.SendResult;
import dev.waotp.To;

/** A template whose send takes the verifier's tag, so delivery callbacks reach the pending code. */
@AuthTemplate(name = "auth1", lang = "en_US")
public interface TrackedCode {
    SendResult send(@To String phone, @Otp String code, @Ref2 String tag);
}
