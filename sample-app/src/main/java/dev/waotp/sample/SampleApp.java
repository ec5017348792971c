package dev.waotp.sample;

import dev.waotp.KaleyraException;
import dev.waotp.verify.VerificationStoreException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code waotp-sample login --to +919876543210 [--ask]}: a whole login, a code sent and checked.
 * {@code waotp-sample send --to +919876543210 [--otp 482913] [--ref customer-1]}: one send. Both go
 * through the generated, Dagger-injected {@link LoginCode}. Errors are one line on standard error
 * and exit code 1; a wrong command line exits with 2.
 */
@Command(name = "waotp-sample", mixinStandardHelpOptions = true,
        description = "Sends a WhatsApp login code with waotp.")
public final class SampleApp implements Runnable {
    @Spec
    CommandSpec spec;

    private SampleApp() {}

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: login or send");
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        return run(args, env, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out, err);
    }

    static int run(String[] args, Map<String, String> env, BufferedReader in, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new SampleApp())
                .addSubcommand(new LoginCommand(env, in))
                .addSubcommand(new SendCommand(env))
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    line.getErr().println("error: " + oneLine(e));
                    return 1;
                });
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    /** What a person needs to act on, without the stack trace. */
    private static String oneLine(Exception e) {
        if (e instanceof KaleyraException || e instanceof IllegalArgumentException
                || e instanceof VerificationStoreException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
