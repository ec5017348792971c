package dev.waotp.sample;

import dev.waotp.KaleyraClient;
import dev.waotp.SendResult;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Send a login code with the auth1 template.")
final class SendCommand implements Callable<Integer> {
    @Option(names = "--to", required = true, description = "Recipient in E.164 form, e.g. +919876543210.")
    String to;

    @Option(names = "--otp", description = "The code to send; a random 6-digit code when left out.")
    String otp;

    @Option(names = "--ref", description = "Context shown in Kaleyra's reports (extra_info.ref).")
    String ref;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    SendCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String code = otp != null ? otp : OtpCodes.next(6);
        try (Connection kaleyra = Connection.open(env)) {
            out.println(kaleyra.describe());
            report(out, send(kaleyra.client, code), code);
        }
        return 0;
    }

    private SendResult send(KaleyraClient client, String code) {
        LoginCode loginCode = DaggerSenderComponent.factory().create(client).loginCode();
        return ref == null ? loginCode.send(to, code) : loginCode.send(to, code, ref);
    }

    private void report(PrintWriter out, SendResult result, String code) {
        out.println("Sent template auth1 (en_US) to " + Masked.phone(to) + " with code " + "*".repeat(code.length())
                + (otp == null ? " (generated)" : ""));
        out.println(result.messageIdKnown()
                ? "Message id: " + String.join(",", result.messageIds())
                : "Accepted; Kaleyra's answer named no message id");
    }
}
