package dev.waotp.spring;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Stops the start-up when a {@code waotp.*} property refers to a variable that is not set. Spring Boot's
 * binder leaves such a placeholder as text, so {@code waotp.kaleyra.api-key=${KALEYRA_API_KEY}} with the
 * variable unset would otherwise start with the seventeen characters {@code ${KALEYRA_API_KEY}} as the key
 * (or, for the verifier's secret, fail with a length that hides the real cause). The report names the
 * property and the placeholder only: the rest of the value may be a secret.
 */
final class UnresolvedPlaceholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]*)[^}]*}");

    private UnresolvedPlaceholders() {}

    static void check(Environment environment, String prefix) {
        check(environment, prefix, List.of());
    }

    /** As {@link #check(Environment, String)}, leaving out the properties under {@code except}. */
    static void check(Environment environment, String prefix, List<String> except) {
        ConfigurationPropertyName root = ConfigurationPropertyName.of(prefix);
        List<ConfigurationPropertyName> left = except.stream().map(ConfigurationPropertyName::of).toList();
        Set<ConfigurationPropertyName> seen = new HashSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.stream().filter(root::isAncestorOf)
                        .filter(name -> left.stream().noneMatch(out -> out.isAncestorOf(name))).sorted().filter(seen::add)
                        .forEach(name -> check(environment, iterable.getConfigurationProperty(name)));
            }
        }
    }

    private static void check(Environment environment, ConfigurationProperty property) {
        if (property == null || !(property.getValue() instanceof CharSequence value)
                || !value.toString().contains("${")) {
            return;
        }
        Matcher unresolved = PLACEHOLDER.matcher(environment.resolvePlaceholders(value.toString()));
        if (unresolved.find()) {
            String placeholder = unresolved.group();
            String variable = unresolved.group(1);
            throw new WaotpStartupException("The property " + property.getName()
                    + (value.toString().equals(placeholder) ? " is " : " refers to ") + placeholder + ", but "
                    + variable + " is not set.",
                    "Set the environment variable " + variable + " (or a property of that name) where the"
                            + " application starts, or change " + property.getName() + ".",
                    null);
        }
    }
}
