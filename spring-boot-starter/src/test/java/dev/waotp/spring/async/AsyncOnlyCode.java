package dev.waotp.spring.async;

import dev.waotp.AuthTemplate;
import dev.waotp.Otp;
import dev.waotp.SendResult;
import dev.waotp.To;
import java.util.concurrent.CompletableFuture;

/** A template with no blocking (phone, code) method, which the Verifier cannot send through. */
@AuthTemplate(name = "auth1", lang = "en_US")
public interface AsyncOnlyCode {
    CompletableFuture<SendResult> sendAsync(@To String phone, @Otp String code);
}
