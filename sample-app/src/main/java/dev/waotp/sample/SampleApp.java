package dev.waotp.sample;

import dev.waotp.KaleyraException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code waotp-sample send --to +919876543210 [--otp 482913] [--ref customer-1]}: sends a login code
 * through the generated, Dagger-injected {@link LoginCode}. Errors are one line on standard error and
 * exit code 1; a wrong command line exits with 2.
 */
@Command(name = "waotp-sample", mixinStandardHelpOptions = true,
        description = "Sends a WhatsApp login code with waotp.")
public final class SampleApp implements Runnable {
    @Spec
    CommandSpec spec;

    private SampleApp() {}

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: send");
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new SampleApp())
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
        if (e instanceof KaleyraException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
