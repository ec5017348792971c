package dev.waotp.spring.test;

import dev.waotp.spring.KaleyraStubTestAutoConfiguration;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * On a {@code @SpringBootTest}: the embedded Kaleyra stub runs for the test's context, the client bean
 * sends to it (no account, no network), and a {@link KaleyraStubInbox} bean gives the code last sent to a
 * phone. The verifier keeps codes and limits in memory, even with waotp-verify-redis on the class path,
 * so that tests neither need a Redis nor share one's state; {@code store = "redis"} keeps Redis. When the
 * application sets no {@code waotp.verify.secret}, or sets it from a variable that is not set where the tests
 * run ({@code ${WAOTP_VERIFY_SECRET}}), the test context gets a random secret of its own; so do the callback
 * credentials, and the account's SID, API key and number are the stub's, when their variables are not set.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureKaleyraStub
 * class LoginTest {
 *     @Autowired Verifier verifier;
 *     @Autowired KaleyraStubInbox inbox;
 *
 *     @Test
 *     void signsIn() {
 *         verifier.start("+919876543210", "test");
 *         assertThat(verifier.check("+919876543210", inbox.lastCodeSentTo("+919876543210")))
 *                 .isInstanceOf(CheckResult.Approved.class);
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(KaleyraStubTestAutoConfiguration.class)
@PropertyMapping("waotp.verify")
@ContextCustomizerFactories(KaleyraStubTestProperties.class)
public @interface AutoConfigureKaleyraStub {
    /**
     * Where the verifier keeps codes and limits during the test ({@code waotp.verify.store}): memory unless
     * the test asks for {@code "redis"}.
     *
     * @return {@code "memory"} or {@code "redis"}
     */
    String store() default "memory";
}
