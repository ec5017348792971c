package dev.waotp.sample;

import dev.waotp.SmsMessage;
import dev.waotp.testing.ReceivedSms;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.SmsFallback;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.Verifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A whole login: start a verification (a code is made, its HMAC kept, the code sent through the
 * injected {@link LoginCode}), then check the answer. Against the embedded stub the stub plays the
 * phone: the code it received is checked, after a wrong guess and before a replay, to show each
 * outcome, and posts the delivery statuses of the code's message, which are printed. With
 * {@code --ask} the code is read from the keyboard instead.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Send a login code and check it: the whole verification, step by step.")
final class LoginCommand implements Callable<Integer> {
    @Option(names = "--to", required = true, description = "Recipient in E.164 form, e.g. +919876543210.")
    String to;

    @Option(names = "--ask", description = "Read the code from the keyboard instead of from the stub.")
    boolean ask;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final BufferedReader in;

    LoginCommand(Map<String, String> env, BufferedReader in) {
        this.env = env;
        this.in = in;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Connection kaleyra = Connection.open(env)) {
            if (kaleyra.stub == null && !ask) {
                throw new IllegalArgumentException("with Kaleyra the code goes to a real phone: add --ask to type it in");
            }
            out.println(kaleyra.describe());
            LoginCode loginCode = DaggerSenderComponent.factory().create(kaleyra.client).loginCode();
            Verifier.Builder builder = Verifier.builder()
                    .trackedSender(loginCode::sendTagged)
                    .secret(sessionSecret());
            if (kaleyra.stub != null) {
                builder.smsFallback(SmsFallback.builder((phone, code) -> kaleyra.client.sendSms(SmsMessage.builder()
                        .to(phone).sender("WAOTPS").templateId("1207161234567890123")
                        .body("Your waotp sample code: {otp}").otp(code).build())).allowRegions("IN").build());
            }
            Verifier verifier = builder.build();
            if (kaleyra.deliveries != null) {
                kaleyra.deliveries.forwardTo(verifier);
            }

            StartResult started = verifier.start(to, "sample-app");
            out.println("1. start(" + Masked.phone(to) + "): " + started);
            if (!(started instanceof StartResult.Sent)) {
                return 1;
            }
            if (kaleyra.stub != null) {
                kaleyra.stub.awaitCallbacks(Duration.ofSeconds(5));
                out.println("   Delivery of the code: " + verifier.delivery(to)
                        .map(d -> d.channel() + (d.state() == null ? "" : ", " + d.state().wireValue()))
                        .orElse("nothing pending"));
            }
            List<String> answers = ask ? List.of(readCode(out)) : stubPlaysThePhone(kaleyra, out);
            boolean approved = false;
            for (int i = 0; i < answers.size(); i++) {
                CheckResult checked = verifier.check(to, answers.get(i));
                out.println((i + 2) + ". check(" + Masked.phone(to) + ", " + "*".repeat(answers.get(i).length())
                        + "): " + checked);
                approved |= checked instanceof CheckResult.Approved;
            }
            out.println(approved ? "Logged in." : "Not logged in.");
            return approved ? 0 : 1;
        }
    }

    /** A wrong guess, the code the stub received, and the same code again (single use). */
    private static List<String> stubPlaysThePhone(Connection kaleyra, PrintWriter out) {
        List<ReceivedSms> sms = kaleyra.stub.receivedSms();
        String received = sms.isEmpty()
                ? kaleyra.stub.received().get(kaleyra.stub.received().size() - 1).otp()
                : sms.get(sms.size() - 1).body().substring(sms.get(sms.size() - 1).body().lastIndexOf(' ') + 1);
        out.println("   The stub plays the phone: it received a " + received.length() + "-character code"
                + (sms.isEmpty() ? " on WhatsApp." : " by SMS, after WhatsApp could not deliver."));
        String wrong = received.equals("000000") ? "111111" : "000000";
        return List.of(wrong, received, received);
    }

    private String readCode(PrintWriter out) {
        out.print("Code received on WhatsApp: ");
        out.flush();
        try {
            String line = in.readLine();
            if (line == null) {
                throw new IllegalArgumentException("no code typed");
            }
            return line.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sample's verifications live only as long as this process, so a fresh random secret per run
     * is enough; an application takes its secret from its own secret store.
     */
    private static byte[] sessionSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
