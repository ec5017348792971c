package dev.waotp.bench;

import dev.waotp.AuthTemplate;
import dev.waotp.Otp;
import dev.waotp.Ref;
import dev.waotp.SendResult;
import dev.waotp.To;

/** The benchmarks' template; waotp-processor generates {@code OtpSenderImpl} from it in this build. */
@AuthTemplate(name = "auth1", lang = "en_US")
public interface OtpSender {
    SendResult send(@To String phone, @Otp String code);

    SendResult send(@To String phone, @Otp String code, @Ref String reference);
}
