package dev.waotp.spring.roundtrip;

import dev.waotp.AuthTemplate;
import dev.waotp.Otp;
import dev.waotp.Ref2;
import dev.waotp.SendResult;
import dev.waotp.To;

/** The round-trip application's template: its {@code @Ref2} lets the verifier track the code's delivery. */
@AuthTemplate(name = "auth1", lang = "en_US")
public interface RoundTripCode {
    SendResult send(@To String phone, @Otp String code, @Ref2 String tag);
}
