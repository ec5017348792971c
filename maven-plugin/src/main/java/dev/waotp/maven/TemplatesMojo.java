package dev.waotp.maven;

import dev.waotp.KaleyraClient;
import dev.waotp.KaleyraException;
import dev.waotp.MessageTemplate;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn waotp:templates}: fetches the account's WhatsApp template list from Kaleyra, every page,
 * and writes it as the project's template manifest, sorted and formatted the same way every time
 * (see the README's "Fetching the template manifest"). Commit the file: the processor reads it
 * ({@code -Awaotp.templates}), and its diff shows what changed in the account.
 *
 * <p>The account comes from environment variables, never from the pom: {@code KALEYRA_SID},
 * {@code KALEYRA_API_KEY}, {@code KALEYRA_WABA_ID}, and {@code KALEYRA_REGION} or
 * {@code KALEYRA_BASE_URL}. The API key is never printed.
 */
@Mojo(name = "templates", threadSafe = true)
public final class TemplatesMojo extends AbstractMojo {
    /** Where the manifest is written; its folders are created. */
    @Parameter(property = "waotp.templates.output", defaultValue = "${project.basedir}/src/main/waotp/templates.json")
    private File output;

    /** Skips the goal, for builds without the account's credentials. */
    @Parameter(property = "waotp.templates.skip", defaultValue = "false")
    private boolean skip;

    /** The environment; tests give their own. */
    private Map<String, String> environment = System.getenv();

    /** Maven makes mojos with this constructor and then sets the parameters. */
    public TemplatesMojo() {
        this.output = new File("src/main/waotp/templates.json");
    }

    TemplatesMojo(File output, Map<String, String> environment) {
        this.output = output;
        this.environment = environment;
    }

    /**
     * Fetches the list and writes the manifest.
     *
     * @throws MojoExecutionException when a variable is missing or wrong, Kaleyra refuses or cannot be
     *     reached, or the file cannot be written
     */
    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("waotp:templates skipped");
            return;
        }
        List<MessageTemplate> templates;
        String account;
        try (KaleyraClient client = Credentials.client(environment)) {
            account = "WABA " + client.wabaId() + " at " + client.baseUrl();
            getLog().info("Fetching the template list of " + account);
            templates = client.templates();
        } catch (KaleyraException e) {
            throw new MojoExecutionException("Could not fetch the template list from Kaleyra: " + e.getMessage(), e);
        }
        Path file = output.toPath();
        byte[] manifest = ManifestWriter.write(templates);
        try {
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), manifest)) {
                getLog().info(templates.size() + " templates of " + account + ", unchanged in " + file);
                return;
            }
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            Files.write(file, manifest);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the template manifest " + file + ": " + e, e);
        }
        getLog().info("Wrote " + templates.size() + " templates of " + account + " to " + file);
    }
}
