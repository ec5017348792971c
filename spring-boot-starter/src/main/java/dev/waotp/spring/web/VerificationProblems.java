package dev.waotp.spring.web;

import dev.waotp.verify.CheckResult;
import dev.waotp.verify.FallbackResult;
import dev.waotp.verify.RateLimit;
import dev.waotp.verify.StartResult;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP answer to each refused outcome: an RFC 9457 problem whose {@code type} names the outcome
 * ({@code urn:waotp:verify:<outcome>}) so that clients branch on it, not on the English title, and a
 * {@code Retry-After} in whole seconds, rounded up, wherever waiting helps.
 */
final class VerificationProblems {
    private static final String TYPE_PREFIX = "urn:waotp:verify:";

    private VerificationProblems() {}

    static ResponseEntity<ProblemDetail> refused(StartResult result, Clock clock) {
        if (result instanceof StartResult.TooSoon tooSoon) {
            return waitFor(problem(HttpStatus.TOO_MANY_REQUESTS, "too-soon",
                    "A code was sent to this phone moments ago; wait before asking for another."),
                    tooSoon.retryAfter());
        }
        if (result instanceof StartResult.RateLimited limited) {
            return rateLimited(limited.limit(), limited.retryAfter(),
                    "Too many codes were asked for; wait before asking again.");
        }
        if (result instanceof StartResult.Locked locked) {
            return locked(locked.until(), clock);
        }
        throw new IllegalArgumentException("a sent code is not refused");
    }

    /** A refused "send it by SMS instead": the start's answers wherever the cause is the same. */
    static ResponseEntity<ProblemDetail> refused(FallbackResult.Refused refused) {
        Duration wait = refused.retryAfter() == null ? Duration.ZERO : refused.retryAfter();
        return switch (refused.refusal()) {
            case TOO_SOON, SENDS_USED_UP -> waitFor(problem(HttpStatus.TOO_MANY_REQUESTS, "too-soon",
                    "A code was sent to this phone moments ago; wait before asking for another."), wait);
            case RATE_LIMITED -> waitFor(problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "Too many codes were asked for; wait before asking again."), wait);
            case LOCKED -> waitFor(problem(HttpStatus.TOO_MANY_REQUESTS, "locked",
                    "Too many wrong codes for this phone; it is locked for a while."), wait);
            case SMS_CAP_REACHED -> waitFor(problem(HttpStatus.SERVICE_UNAVAILABLE, "sms-unavailable",
                    "Codes by SMS are unavailable for now; try again later."), wait);
            case COUNTRY_NOT_ALLOWED, NOT_CONFIGURED -> ResponseEntity.of(problem(HttpStatus.UNPROCESSABLE_CONTENT,
                    "sms-not-allowed", "Codes cannot be sent by SMS to this phone.")).build();
            case NOT_PENDING -> ResponseEntity.of(problem(HttpStatus.UNPROCESSABLE_CONTENT, "not-pending",
                    "No code is waiting for this phone; ask for one.")).build();
        };
    }

    static ResponseEntity<ProblemDetail> refused(CheckResult result, Clock clock) {
        if (result instanceof CheckResult.WrongCode wrong) {
            ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "wrong-code", "The code is wrong.");
            problem.setProperty("attemptsLeft", wrong.attemptsLeft());
            return ResponseEntity.of(problem).build();
        }
        if (result instanceof CheckResult.Locked locked) {
            return locked(locked.until(), clock);
        }
        if (result instanceof CheckResult.RateLimited limited) {
            return rateLimited(limited.limit(), limited.retryAfter(),
                    "Too many codes were checked from here; wait before checking again.");
        }
        String outcome;
        String detail;
        if (result instanceof CheckResult.Expired) {
            outcome = "expired";
            detail = "The code has expired; ask for a new one.";
        } else if (result instanceof CheckResult.TooManyAttempts) {
            outcome = "too-many-attempts";
            detail = "The code had no attempts left; ask for a new one.";
        } else if (result instanceof CheckResult.NotPending) {
            outcome = "not-pending";
            detail = "No code is waiting for this phone; ask for one.";
        } else {
            throw new IllegalArgumentException("an approval is not refused");
        }
        return ResponseEntity.of(problem(HttpStatus.UNPROCESSABLE_CONTENT, outcome, detail)).build();
    }

    static ProblemDetail problem(HttpStatus status, String outcome, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + outcome));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> rateLimited(RateLimit limit, Duration wait, String detail) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", detail);
        problem.setProperty("limit", limit.name().toLowerCase(Locale.ROOT));
        return waitFor(problem, wait);
    }

    private static ResponseEntity<ProblemDetail> locked(Instant until, Clock clock) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "locked",
                "Too many wrong codes for this phone; it is locked for a while.");
        problem.setProperty("lockedUntil", until.toString());
        return waitFor(problem, Duration.between(clock.instant(), until));
    }

    private static ResponseEntity<ProblemDetail> waitFor(ProblemDetail problem, Duration wait) {
        long seconds = RetryAfter.seconds(wait);
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem);
    }
}
