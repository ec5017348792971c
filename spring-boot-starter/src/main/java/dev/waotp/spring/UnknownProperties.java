package dev.waotp.spring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Stops the start-up when a {@code waotp.*} key, from any property source, is not a waotp property: Spring Boot
 * would ignore it, so {@code waotp.kaleyra.callback-profil-id} would leave the callback profile unset without a
 * word. The report names each such key as it was written and where (never its value), with the nearest known
 * property. An environment variable that a placeholder reads ({@code ${WAOTP_OLD_SECRET}}) is the application's
 * own, not a misspelt property.
 */
final class UnknownProperties {
    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("waotp");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

    /** One unknown key: its name, the variable it came from (or null), and where it was set (or null). */
    private record Unknown(ConfigurationPropertyName name, @Nullable String variable, @Nullable String where) {
        String label() {
            return variable != null ? "the environment variable " + variable + " (" + name + ")"
                    : name + (where == null ? "" : " (" + where + ")");
        }
    }

    private UnknownProperties() {}

    static void check(ConfigurableEnvironment environment, KnownProperties known) {
        Set<String> readByPlaceholders = placeholderVariables(environment);
        Set<ConfigurationPropertyName> seen = new HashSet<>();
        List<Unknown> unknown = new ArrayList<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            iterable.stream().filter(ROOT::isAncestorOf).filter(name -> !known.contains(name)).sorted()
                    .filter(seen::add).forEach(name -> {
                        ConfigurationProperty property = iterable.getConfigurationProperty(name);
                        Origin origin = property == null ? null : property.getOrigin();
                        String variable = variable(origin, source.getUnderlyingSource());
                        if (variable == null || !readByPlaceholders.contains(variable)) {
                            unknown.add(new Unknown(name, variable, where(origin, source.getUnderlyingSource())));
                        }
                    });
        }
        if (!unknown.isEmpty()) {
            throw report(unknown, known);
        }
    }

    private static WaotpStartupException report(List<Unknown> unknown, KnownProperties known) {
        if (unknown.size() == 1) {
            Unknown one = unknown.get(0);
            String label = one.variable() != null ? one.label().substring("the ".length()) : "property " + one.label();
            return new WaotpStartupException("The " + label + " is not a waotp property, so Spring Boot would ignore it.",
                    "Did you mean " + suggestion(one, known) + "? Correct the name, or remove the property.", null);
        }
        return new WaotpStartupException("These properties are not waotp properties, so Spring Boot would ignore them: "
                + unknown.stream().map(Unknown::label).collect(Collectors.joining(", ")) + ".",
                "Did you mean " + unknown.stream().map(u -> suggestion(u, known) + " for "
                        + (u.variable() != null ? u.variable() : u.name().toString()))
                        .collect(Collectors.joining(", ")) + "? Correct the names, or remove the properties.", null);
    }

    private static String suggestion(Unknown unknown, KnownProperties known) {
        String nearest = known.nearest(unknown.name());
        return unknown.variable() == null ? nearest
                : nearest + " (as an environment variable, " + KnownProperties.environmentVariable(nearest) + ")";
    }

    /** The environment variable a key came from, as it is written; null for other sources. */
    private static @Nullable String variable(@Nullable Origin origin, Object source) {
        if (unwrap(origin) instanceof SystemEnvironmentOrigin env) {
            return env.getProperty();
        }
        return source instanceof SystemEnvironmentPropertySource && origin instanceof PropertySourceOrigin named
                ? named.getPropertyName() : null;
    }

    /** A file and line, or the kind of source; null when the source says nothing useful. */
    private static @Nullable String where(@Nullable Origin origin, Object source) {
        if (unwrap(origin) instanceof TextResourceOrigin file) {
            return file.toString();
        }
        if (source instanceof CommandLinePropertySource<?>) {
            return "a command-line argument";
        }
        if (source instanceof PropertySource<?> propertySource
                && StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME.equals(propertySource.getName())) {
            return "a system property";
        }
        return null;
    }

    /** The origin the property source itself gives, such as a file and line, inside Boot's wrapper. */
    private static @Nullable Origin unwrap(@Nullable Origin origin) {
        return origin instanceof PropertySourceOrigin named && named.getOrigin() != null ? named.getOrigin() : origin;
    }

    /** The names every {@code ${NAME}} in the environment's values reads. */
    private static Set<String> placeholderVariables(ConfigurableEnvironment environment) {
        Set<String> variables = new HashSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (enumerable.getProperty(name) instanceof CharSequence value && value.toString().contains("${")) {
                        Matcher placeholder = PLACEHOLDER.matcher(value);
                        while (placeholder.find()) {
                            variables.add(placeholder.group(1));
                        }
                    }
                }
            }
        }
        return variables;
    }
}
