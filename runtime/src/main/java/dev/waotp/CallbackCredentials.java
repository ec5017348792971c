package dev.waotp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The credentials a callback must present, as a Kaleyra callback profile sends them: Basic
 * authentication, a bearer token ("advanced authentication") and fixed extra headers
 * (https://developers.kaleyra.io/docs/account-settings-callback-profiles,
 * https://developers.kaleyra.io/docs/callback-profiles-advanced-authentication). Every configured
 * one must match. Only SHA-256 digests of the expected values are kept, and presented values are
 * digested before {@link MessageDigest#isEqual}, so the comparison takes the same time whatever
 * the value and whatever its length.
 */
final class CallbackCredentials {
    private final byte @Nullable [] basic;
    private final byte @Nullable [] bearer;
    private final @Nullable String headerName;
    private final byte @Nullable [] headerValue;

    CallbackCredentials(@Nullable String username, @Nullable String password, @Nullable String bearerToken,
            @Nullable String headerName, @Nullable String headerValue) {
        this.basic = username == null || password == null ? null : sha256(username + ":" + password);
        this.bearer = bearerToken == null ? null : sha256(bearerToken);
        this.headerName = headerName;
        this.headerValue = headerValue == null ? null : sha256(headerValue);
    }

    boolean isEmpty() {
        return basic == null && bearer == null && headerValue == null;
    }

    /**
     * Whether the request's headers carry every configured credential. {@code headers} gives all
     * values of a header by name, in any case; a header sent twice is refused, as it is ambiguous.
     * Every check runs even after one fails, so the time taken does not tell which one did.
     */
    boolean matches(Function<String, List<String>> headers) {
        boolean ok = true;
        String authorization = single(headers, "Authorization");
        if (basic != null) {
            ok &= equal(basic, credential(authorization, "basic", true));
        }
        if (bearer != null) {
            ok &= equal(bearer, credential(authorization, "bearer", false));
        }
        if (headerName != null && headerValue != null) {
            ok &= equal(headerValue, single(headers, headerName));
        }
        return ok;
    }

    private static @Nullable String single(Function<String, List<String>> headers, String name) {
        List<String> values = headers.apply(name);
        return values == null || values.size() != 1 ? null : values.get(0);
    }

    /** The credential after the scheme (any case); a Basic one base64-decoded. */
    private static @Nullable String credential(@Nullable String authorization, String scheme, boolean base64) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals(scheme)) {
            return null;
        }
        String credential = value.substring(space + 1).strip();
        if (!base64) {
            return credential;
        }
        try {
            return new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static boolean equal(byte[] expectedDigest, @Nullable String presented) {
        // A missing value is digested too, so that it takes as long as a wrong one.
        boolean present = presented != null;
        boolean same = MessageDigest.isEqual(expectedDigest, sha256(present ? presented : ""));
        return present & same;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "CallbackCredentials{" + (basic != null ? "basic=" + Redaction.SECRET + " " : "")
                + (bearer != null ? "bearer=" + Redaction.SECRET + " " : "")
                + (headerName != null ? "header=" + headerName + ":" + Redaction.SECRET : "") + "}";
    }
}
