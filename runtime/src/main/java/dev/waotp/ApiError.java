package dev.waotp;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an error answer from Kaleyra said: the HTTP status, Kaleyra's {@code code}, {@code message} and
 * {@code error} map, and the {@code Retry-After} wait when the server sent one. The fields of every
 * {@link KaleyraApiException}, so that one value carries them from {@link ResponseReader} to the type.
 */
record ApiError(int httpStatus, @Nullable String code, @Nullable String message, Map<String, String> errors,
        @Nullable Duration retryAfter) {
    ApiError {
        errors = Map.copyOf(errors);
    }
}
