package dev.waotp.processor;

import com.google.testing.compile.Compilation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import javax.tools.JavaFileObject;

/** The manifest fixtures under {@code src/test/resources/manifest}, and compiling against one. */
final class Manifests {
    /** The account's templates; see the README beside it for where its shape comes from. */
    static final Path ACCOUNT = resource("/manifest/account.json");

    private Manifests() {}

    static Compilation compile(Path manifest, JavaFileObject... sources) {
        return Compilations.compiler().withOptions("-Awaotp.templates=" + manifest).compile(sources);
    }

    private static Path resource(String name) {
        try {
            return Path.of(Manifests.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
