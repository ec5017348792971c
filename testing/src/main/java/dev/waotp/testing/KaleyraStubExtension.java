package dev.waotp.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link KaleyraStub} for a JUnit 5 test class. Received messages, the request count and
 * faults are reset before each test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KaleyraStubExtension kaleyra = new KaleyraStubExtension();
 *
 * @Test
 * void sendsTheCode() {
 *     try (KaleyraClient client = kaleyra.stub().clientBuilder().build()) { ... }
 * }
 * }</pre>
 *
 * <p>Or {@code @ExtendWith(KaleyraStubExtension.class)} with a {@code KaleyraStub} parameter on the
 * test, lifecycle or constructor method. In a static field or with {@code @ExtendWith}, one stub
 * serves the whole class (nested classes included); in an instance field, each test gets its own.
 */
public final class KaleyraStubExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {
    private final KaleyraStub.Builder settings;
    private volatile KaleyraStub stub;
    /** The context whose end closes the stub: the class that started it, or the single test. */
    private String owner;

    /** A stub with the defaults of {@link KaleyraStub#start()}. */
    public KaleyraStubExtension() {
        this(KaleyraStub.builder());
    }

    /** A stub with these settings, for example {@code KaleyraStub.builder().approve("login", "en_GB")}. */
    public KaleyraStubExtension(KaleyraStub.Builder settings) {
        this.settings = settings;
    }

    /**
     * The running stub.
     *
     * @throws IllegalStateException outside a test class's lifecycle
     */
    public KaleyraStub stub() {
        if (stub == null) {
            throw new IllegalStateException("the Kaleyra stub runs only while a test class that registers it runs");
        }
        return stub;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!startFor(context)) {
            stub.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopFor(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopFor(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KaleyraStub.class;
    }

    @Override
    public KaleyraStub resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (stub == null) {
            throw new ParameterResolutionException("the Kaleyra stub is not running yet for "
                    + parameter.getDeclaringExecutable());
        }
        return stub;
    }

    /** Starts a stub owned by this context unless an enclosing one already runs; true if it did. */
    private synchronized boolean startFor(ExtensionContext context) {
        if (stub != null) {
            return false;
        }
        stub = settings.start();
        owner = context.getUniqueId();
        return true;
    }

    private synchronized void stopFor(ExtensionContext context) {
        if (stub != null && context.getUniqueId().equals(owner)) {
            stub.close();
            stub = null;
            owner = null;
        }
    }
}
