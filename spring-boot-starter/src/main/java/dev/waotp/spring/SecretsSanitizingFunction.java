package dev.waotp.spring;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Hides waotp's secrets in Actuator's {@code configprops} and {@code env} when the application shows
 * values there. By name: the API key, the verifier's secrets and the callback credentials, whatever form
 * the name takes
 * ({@code waotp.kaleyra.api-key}, {@code apiKey}, {@code WAOTP_KALEYRA_APIKEY}). By value: any property
 * whose value holds one of them, whatever its name, such as the {@code KALEYRA_API_KEY} variable that
 * {@code waotp.kaleyra.api-key=${KALEYRA_API_KEY}} reads. A value is matched whole, or as a part when
 * the secret is at least {@value #SHORTEST_PART} characters long (shorter ones would hide unrelated values).
 */
final class SecretsSanitizingFunction implements SanitizingFunction {
    private static final Pattern SECRET_NAMES = Pattern.compile("waotp(kaleyraapikey|verifysecret"
            + "|verifyprevioussecrets[0-9]*|callbacksbasicpassword|callbacksbearertoken|callbacksheadervalue)");
    private static final int SHORTEST_PART = 8;

    private final Environment environment;

    SecretsSanitizingFunction(Environment environment) {
        this.environment = environment;
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        if (data.getValue() == null) {
            return data;
        }
        String normalizedKey = data.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return SECRET_NAMES.matcher(normalizedKey).matches() || holdsSecret(String.valueOf(data.getValue()))
                ? data.withSanitizedValue() : data;
    }

    private boolean holdsSecret(String value) {
        return secrets().stream().anyMatch(secret -> value.equals(secret)
                || (secret.length() >= SHORTEST_PART && value.contains(secret)));
    }

    /** Read at each call, resolved as the client and the verifier get them. */
    private Set<String> secrets() {
        Binder binder = Binder.get(environment);
        Set<String> secrets = new HashSet<>();
        binder.bind("waotp.kaleyra.api-key", String.class).ifBound(secrets::add);
        binder.bind("waotp.verify.secret", String.class).ifBound(secrets::add);
        binder.bind("waotp.verify.previous-secrets", Bindable.listOf(String.class)).ifBound(secrets::addAll);
        binder.bind("waotp.callbacks.basic.password", String.class).ifBound(secrets::add);
        binder.bind("waotp.callbacks.bearer-token", String.class).ifBound(secrets::add);
        binder.bind("waotp.callbacks.header.value", String.class).ifBound(secrets::add);
        secrets.removeIf(String::isEmpty);
        return secrets;
    }
}
