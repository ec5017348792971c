package dev.waotp.spring.web;

import dev.waotp.InvalidInputException;
import dev.waotp.KaleyraException;
import dev.waotp.spring.CallerKeyResolver;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.Delivery;
import dev.waotp.verify.FallbackResult;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.VerificationStoreException;
import dev.waotp.verify.Verifier;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST {waotp.web.path}/start}, {@code /check}, {@code /sms} and {@code GET .../status}: the verifier over
 * JSON, bound to the HTTP session.
 *
 * <ul>
 *   <li>start {@code {"phone":"+919876543210"}}: 202 with {@code channel} ({@code whatsapp}, or {@code sms} when
 *       WhatsApp refused the number and the SMS fallback sent it), {@code expiresAt}, {@code resendAfterSeconds}
 *       and {@code sendsLeft}, and the phone kept in the session; 429 with {@code Retry-After} when too
 *       soon, rate-limited or locked (the session is left as it was);
 *   <li>sms (no body): "send it by SMS instead" for the phone this session started, never one a client posts;
 *       202 with {@code channel} {@code sms} and {@code expiresAt}; refused like a start (429 with
 *       {@code Retry-After}), or 422 {@code sms-not-allowed} (no SMS to this number or no fallback configured),
 *       503 {@code sms-unavailable} (the application's SMS cap) and 422 {@code not-pending};
 *   <li>status: 200 with the {@code channel} of this session's pending code, its {@code delivery}
 *       ({@code pending} until Kaleyra reports {@code sent}, {@code delivered}, {@code read} or {@code failed})
 *       and {@code smsFallback} (whether {@code /sms} can send); 422 {@code not-pending} when none;
 *   <li>check {@code {"code":"123456"}}: the code is checked for the phone this session started, and for
 *       nothing else (a {@code phone} in the body is refused with 400); 200 {@code {"approved":true}}, with
 *       the phone kept in the session as a {@link VerifiedPhone} for the server to read; 422 for a wrong,
 *       expired or used-up code (with {@code attemptsLeft} for a wrong one) and {@code not-pending} when
 *       this session, or the user signed in now, started nothing; 429 when locked or past the caller's
 *       check limit;
 *   <li>400 for bad input, naming the field and the rule; 503 when the store or the limits cannot be
 *       reached (nothing is approved then: fail closed); 502 when Kaleyra did not take the message.
 * </ul>
 *
 * <p>Every refusal is an RFC 9457 problem body ({@code application/problem+json}) whose {@code type}
 * is {@code urn:waotp:verify:<outcome>}. The caller key of the rate limits per caller (starts and checks)
 * is the client address as the servlet container reports it. Behind a proxy, make it the client's, not the
 * proxy's, in a way the client cannot choose: on Tomcat {@code server.forward-headers-strategy=native}
 * (Tomcat's {@code RemoteIpValve}, which reads {@code X-Forwarded-For} from the right past the trusted
 * proxies), or else {@code waotp.web.trusted-proxies}. Never {@code framework}: Spring's
 * {@code ForwardedHeaderFilter} takes the leftmost value, which the client writes (see the README).
 */
@RestController
@RequestMapping("${waotp.web.path:/waotp/verify}")
public final class VerificationController {
    private static final Logger LOG = LoggerFactory.getLogger(VerificationController.class);

    private final Verifier verifier;
    private final Clock clock;

    /**
     * An endpoint pair over {@code verifier}.
     *
     * @param verifier checks and sends; its purpose keeps these codes apart from other flows
     * @param clock tells how long a lock has left, for {@code Retry-After}
     */
    public VerificationController(Verifier verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * Sends a code to the phone in the body, and keeps that phone in the session for the check.
     *
     * @param body {@code {"phone": "+919876543210"}}
     * @param request gives the client address the per-caller limit counts, and the session
     * @return 202 with when the code expires and when another may be sent, or a problem
     */
    @PostMapping(path = "/start", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> start(@RequestBody StartRequest body, HttpServletRequest request) {
        String phone = required("phone", body.phone());
        StartResult result = verifier.start(phone, CallerKeyResolver.callerKey(request));
        if (result instanceof StartResult.Sent sent) {
            // Only a sent code is this session's: after a refused start, the code pending for the phone may be
            // another session's, and this one must not come to check it.
            PendingVerification.keep(request, verifier.purpose(), phone);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of(
                    "channel", name(sent.channel()),
                    "expiresAt", sent.expiresAt().toString(),
                    "resendAfterSeconds", RetryAfter.seconds(sent.resendAfter()),
                    "sendsLeft", sent.sendsLeft()));
        }
        return VerificationProblems.refused(result, clock);
    }

    /**
     * Checks the code in the body for the phone this session started; on approval keeps that phone in the
     * session as a {@link VerifiedPhone}.
     *
     * @param body {@code {"code": "123456"}}
     * @param request gives the session and the client address the caller's check limit counts
     * @return 200 {@code {"approved": true}}, or a problem
     */
    @PostMapping(path = "/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> check(@RequestBody CheckRequest body, HttpServletRequest request) {
        if (body.phone() != null) {
            throw new InvalidInputException("phone",
                    "must not be sent: the code is checked for the phone this session started");
        }
        String code = required("code", body.code());
        PendingVerification pending = PendingVerification.of(request, verifier.purpose());
        if (pending == null) {
            return VerificationProblems.refused(new CheckResult.NotPending(), clock);
        }
        CheckResult result = verifier.check(pending.phone(), code, CallerKeyResolver.callerKey(request));
        if (result instanceof CheckResult.Approved) {
            PendingVerification.forget(request, verifier.purpose());
            VerifiedPhone.keep(request, verifier.purpose(), pending.phone(), clock.instant());
            return ResponseEntity.ok(Map.of("approved", true));
        }
        return VerificationProblems.refused(result, clock);
    }

    /**
     * Sends a new code by SMS instead, to the phone this session started.
     *
     * @param request gives the session and the client address the per-caller limit counts
     * @return 202 with the channel and when the new code expires, or a problem
     */
    @PostMapping("/sms")
    public ResponseEntity<?> sms(HttpServletRequest request) {
        PendingVerification pending = PendingVerification.of(request, verifier.purpose());
        if (pending == null) {
            return VerificationProblems.refused(new CheckResult.NotPending(), clock);
        }
        FallbackResult result = verifier.resendBySms(pending.phone(), CallerKeyResolver.callerKey(request));
        if (result instanceof FallbackResult.Sent sent) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of(
                    "channel", name(sent.channel()),
                    "expiresAt", sent.expiresAt().toString()));
        }
        return VerificationProblems.refused((FallbackResult.Refused) result);
    }

    /**
     * Where this session's pending code stands.
     *
     * @param request gives the session
     * @return 200 with the channel, the delivery state and whether an SMS can be asked for, or a problem
     */
    @GetMapping("/status")
    public ResponseEntity<?> status(HttpServletRequest request) {
        PendingVerification pending = PendingVerification.of(request, verifier.purpose());
        Optional<Delivery> delivery = pending == null ? Optional.empty() : verifier.delivery(pending.phone());
        if (delivery.isEmpty()) {
            return VerificationProblems.refused(new CheckResult.NotPending(), clock);
        }
        String state = delivery.get().state() == null ? "pending"
                : delivery.get().state().isFailure() ? "failed" : delivery.get().state().wireValue();
        return ResponseEntity.ok(Map.of(
                "channel", name(delivery.get().channel()),
                "delivery", state,
                "smsFallback", verifier.hasSmsFallback()));
    }

    private static String name(Enum<?> channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        ProblemDetail problem = VerificationProblems.problem(HttpStatus.BAD_REQUEST, "invalid-input",
                e.field() + " " + e.rule());
        problem.setProperty("field", e.field());
        problem.setProperty("rule", e.rule());
        return ResponseEntity.of(problem).build();
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e) {
        return ResponseEntity.of(VerificationProblems.problem(HttpStatus.BAD_REQUEST, "invalid-input",
                "The body must be a JSON object such as {\"phone\": \"+919876543210\"}.")).build();
    }

    /** Fail closed: a store that cannot be read approves nothing and sends nothing. */
    @ExceptionHandler(VerificationStoreException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(VerificationStoreException e) {
        LOG.warn("waotp verification endpoint: the store or the limits failed, answering 503", e);
        return ResponseEntity.of(VerificationProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "Verification is unavailable for now; try again later.")).build();
    }

    @ExceptionHandler(KaleyraException.class)
    ResponseEntity<ProblemDetail> notSent(KaleyraException e) {
        LOG.warn("waotp verification endpoint: Kaleyra did not take the code, answering 502", e);
        return ResponseEntity.of(VerificationProblems.problem(HttpStatus.BAD_GATEWAY, "not-sent",
                "The code could not be sent; try again later.")).build();
    }

    private static String required(String field, @Nullable String value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    /**
     * The body of a start.
     *
     * @param phone the phone to send a code to, in E.164 form
     */
    public record StartRequest(@Nullable String phone) {}

    /**
     * The body of a check.
     *
     * @param code the code the user typed
     * @param phone refused when present: the code is checked for the phone this session started
     */
    public record CheckRequest(@Nullable String code, @Nullable String phone) {}
}
