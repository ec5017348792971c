package dev.waotp.spring;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Checks the {@code waotp.*} properties once, after every bean is defined and before any is made, so that no
 * waotp bean reads a bad property first, whichever bean asks for one first (a Spring Security filter chain that
 * needs the {@code Verifier} is made before the verifier's own auto-configuration): an unknown key, a placeholder
 * whose variable is not set, dev mode without the stub. Every waotp auto-configuration imports this class; Spring
 * registers it once.
 */
final class PropertyChecks implements BeanFactoryPostProcessor, EnvironmentAware, BeanClassLoaderAware,
        PriorityOrdered {
    private static final Logger LOG = LoggerFactory.getLogger(PropertyChecks.class);
    static final String STUB_CLASS = "dev.waotp.testing.KaleyraStub";

    private Environment environment;
    private ClassLoader classLoader = PropertyChecks.class.getClassLoader();

    PropertyChecks() {}

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (environment instanceof ConfigurableEnvironment configurable) {
            KnownProperties known = KnownProperties.load(classLoader);
            if (known.isEmpty()) {
                LOG.warn("waotp: no configuration metadata (META-INF/spring-configuration-metadata.json) of the starter"
                        + " on the class path, so misspelt waotp.* properties cannot be found");
            } else {
                UnknownProperties.check(configurable, known);
            }
        }
        boolean devMode = devMode(environment);
        if (devMode) {
            devModeHasTheStub();
        }
        // In dev mode the stub takes the account's place: the account's variables need not be set.
        UnresolvedPlaceholders.check(environment, "waotp", devMode ? List.of("waotp.kaleyra") : List.of());
    }

    private static boolean devMode(Environment environment) {
        try {
            return Binder.get(environment).bind("waotp.dev.enabled", Boolean.class).orElse(false);
        } catch (BindException e) {
            return false;
        }
    }

    /** Without this, dev mode's auto-configuration would back off silently and the client would want an account. */
    private void devModeHasTheStub() {
        if (!ClassUtils.isPresent(STUB_CLASS, classLoader)) {
            throw new WaotpStartupException("waotp.dev.enabled is true, but waotp-testing, whose Kaleyra stub dev mode"
                    + " runs, is not on the class path.",
                    "Dev mode is for development: declare dev.waotp:waotp-testing in test scope and start the"
                            + " application from a main class under src/test (mvn spring-boot:test-run), so that no"
                            + " packaged application holds the stub. To send through Kaleyra, remove waotp.dev.enabled.",
                    null);
        }
    }

    /** Before Boot's placeholder configurer and any other post-processor that might make a bean. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
