package dev.waotp.sample.di;

import com.google.inject.ImplementedBy;
import dev.waotp.AuthTemplate;
import dev.waotp.Otp;
import dev.waotp.SendResult;
import dev.waotp.To;

/**
 * A template declared in the test sources, so that its {@code SignInCodeImpl} is generated in the same
 * compilation as the containers' code that uses it. {@code @ImplementedBy} names the class before it
 * exists; javac resolves it once the processor has generated it.
 */
@AuthTemplate(name = "signin_code", lang = "en_GB")
@ImplementedBy(SignInCodeImpl.class)
public interface SignInCode {
    SendResult send(@To String phone, @Otp String code);
}
