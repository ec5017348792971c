package dev.waotp.spring.security;

import dev.waotp.InvalidInputException;
import dev.waotp.KaleyraException;
import dev.waotp.spring.CallerKeyResolver;
import dev.waotp.verify.Channel;
import dev.waotp.verify.FallbackResult;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.VerificationStoreException;
import dev.waotp.verify.Verifier;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends the code: {@code POST <loginPage>} with a {@code phone} for a sign-in, {@code POST <factorPage>}
 * for the signed-in user's own number, {@code POST <codePage>/sms} to send this session's pending code by SMS
 * instead. It keeps the {@link PendingCode} in the session and redirects to the code page, or back with a
 * message that says why nothing was sent.
 */
final class WhatsAppCodeSendFilter extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppCodeSendFilter.class);
    /** E.164 as the verifier takes it, checked here too so that unknown and malformed numbers differ. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private final LoginPages pages;
    private final Verifier loginVerifier;
    private final Verifier factorVerifier;
    private final @Nullable PhoneUserResolver users;
    private final @Nullable UserPhoneResolver phones;
    private final SecurityContextHolderStrategy contexts;
    private final Clock clock;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
    private final SendTimes sendTimes = new SendTimes();
    private final SendTimes smsTimes = new SendTimes();
    private final CodeChannels channels;
    private final RequestMatcher loginMatcher;
    private final RequestMatcher factorMatcher;
    private final RequestMatcher smsMatcher;

    WhatsAppCodeSendFilter(LoginPages pages, Verifier loginVerifier, Verifier factorVerifier,
            @Nullable PhoneUserResolver users, @Nullable UserPhoneResolver phones,
            SecurityContextHolderStrategy contexts, Clock clock) {
        this.pages = pages;
        this.loginVerifier = loginVerifier;
        this.factorVerifier = factorVerifier;
        this.users = users;
        this.phones = phones;
        this.contexts = contexts;
        this.clock = clock;
        this.loginMatcher = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, pages.loginPage());
        this.factorMatcher = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, pages.factorPage());
        this.smsMatcher = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, pages.smsInstead());
        this.channels = new CodeChannels(loginVerifier, factorVerifier);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (users != null && loginMatcher.matches(request)) {
            redirect(request, response, signIn(request));
        } else if (phones != null && factorMatcher.matches(request)) {
            redirect(request, response, secondFactor(request));
        } else if (smsMatcher.matches(request)) {
            redirect(request, response, smsInstead(request));
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Where to go next. */
    private String signIn(HttpServletRequest request) {
        String typed = request.getParameter("phone");
        String phone = typed == null ? "" : typed.replaceAll("[\\s()-]", "");
        if (!E164.matcher(phone).matches()) {
            PageMessage.error(OutcomeMessages.INVALID_PHONE).withPhone(typed).keepFor(request);
            return pages.loginPage();
        }
        // A number without an account goes through the same limits and waits and gets a code no one is
        // told, so that neither this form nor the code form tells which numbers have an account.
        boolean hasAccount = users.findByPhone(phone) != null;
        PendingCode pending = new PendingCode(phone, false, PendingCode.nameOf(contexts.getContext().getAuthentication()));
        return start(request, loginVerifier, pending, pages.loginPage(), hasAccount);
    }

    private String secondFactor(HttpServletRequest request) {
        Authentication signedIn = contexts.getContext().getAuthentication();
        if (!trust.isFullyAuthenticated(signedIn)) {
            PageMessage.error(OutcomeMessages.START_AGAIN).keepFor(request);
            return pages.loginPage();
        }
        // The number on the signed-in user's own account, never one posted with the form.
        String phone = phones.phoneOf(signedIn);
        if (phone == null) {
            PageMessage.error(OutcomeMessages.NO_PHONE).keepFor(request);
            return pages.factorPage();
        }
        return start(request, factorVerifier, new PendingCode(phone, true, signedIn.getName()), pages.factorPage(),
                true);
    }

    private String start(HttpServletRequest request, Verifier verifier, PendingCode pending, String refusedPage,
            boolean send) {
        StartResult result;
        String caller = CallerKeyResolver.callerKey(request);
        long started = System.nanoTime();
        try {
            result = !send ? verifier.startWithoutSending(pending.phone(), caller)
                    : pending.secondFactor() ? verifier.start(pending.phone(), caller)
                    : verifier.startHidingFailure(pending.phone(), caller);
        } catch (InvalidInputException e) {
            refuse(request, OutcomeMessages.INVALID_PHONE, pending);
            return refusedPage;
        } catch (VerificationStoreException e) {
            LOG.warn("WhatsApp sign-in: the verification store or limits failed; no code sent", e);
            refuse(request, OutcomeMessages.UNAVAILABLE, pending);
            return refusedPage;
        } catch (KaleyraException e) {
            if (!pending.secondFactor()) {
                // "Could not be sent" would tell that the number has an account: a number without one is always
                // "sent" a code. The failed code stays pending, untold, so the resend wait and the code form answer
                // as for such a number too.
                LOG.warn("WhatsApp sign-in: no code could be sent to {}; answered as sent", pending.maskedPhone(), e);
                return sent(request, pending);
            }
            LOG.warn("WhatsApp sign-in: Kaleyra did not take the code", e);
            refuse(request, OutcomeMessages.NOT_SENT, pending);
            return refusedPage;
        }
        if (result instanceof StartResult.Sent sentResult) {
            long took = System.nanoTime() - started;
            if (send) {
                sendTimes.record(took);
            } else {
                pauseAsLong(sendTimes, took);
            }
            // Only a second factor is told of a fallback at the start: see CodeChannels.
            boolean bySms = pending.secondFactor() && sentResult.channel() == Channel.SMS;
            return sent(request, bySms ? pending.sentBySms() : pending);
        }
        refuse(request, OutcomeMessages.refused(result, clock), pending);
        return refusedPage;
    }

    /**
     * "Send it by SMS instead", for this session's pending code and its phone, never a posted one. A sign-in for a
     * number without an account takes the decoy path, answered alike and as slowly as a real SMS.
     */
    private String smsInstead(HttpServletRequest request) {
        PendingCode pending = PendingCode.of(request, contexts.getContext().getAuthentication());
        if (pending == null) {
            PageMessage.error(OutcomeMessages.START_AGAIN).keepFor(request);
            return users != null ? pages.loginPage() : pages.factorPage();
        }
        Verifier verifier = pending.secondFactor() ? factorVerifier : loginVerifier;
        boolean send = pending.secondFactor() || users != null && users.findByPhone(pending.phone()) != null;
        String caller = CallerKeyResolver.callerKey(request);
        long started = System.nanoTime();
        FallbackResult result;
        try {
            result = send ? verifier.resendBySms(pending.phone(), caller)
                    : verifier.resendBySmsWithoutSending(pending.phone(), caller);
        } catch (VerificationStoreException e) {
            LOG.warn("WhatsApp sign-in: the verification store or limits failed; no SMS sent", e);
            PageMessage.error(OutcomeMessages.UNAVAILABLE).keepFor(request);
            return pages.codePage();
        } catch (KaleyraException e) {
            LOG.warn("WhatsApp sign-in: Kaleyra did not take the SMS", e);
            PageMessage.error(OutcomeMessages.NOT_SENT).keepFor(request);
            return pages.codePage();
        }
        if (result instanceof FallbackResult.Refused refused) {
            PageMessage.error(OutcomeMessages.refused(refused)).keepFor(request);
            return refused.refusal() == FallbackResult.Refusal.NOT_PENDING ? pages.loginPage() : pages.codePage();
        }
        long took = System.nanoTime() - started;
        if (send) {
            smsTimes.record(took);
        } else {
            pauseAsLong(smsTimes, took);
        }
        return sent(request, pending.sentBySms());
    }

    /** A sign-in refused keeps the number typed in the form; a second factor's form has none. */
    private static void refuse(HttpServletRequest request, String message, PendingCode pending) {
        PageMessage.error(message).withPhone(pending.secondFactor() ? null : pending.phone()).keepFor(request);
    }

    /** A number without an account is answered no sooner than one with: the time would tell otherwise. */
    private static void pauseAsLong(SendTimes times, long tookNanos) {
        long left = times.typical().toNanos() - tookNanos;
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String sent(HttpServletRequest request, PendingCode pending) {
        request.getSession().setAttribute(PendingCode.SESSION_ATTRIBUTE, pending);
        PageMessage.info(OutcomeMessages.sent(pending.maskedPhone(), channels.told(pending))).keepFor(request);
        return pages.codePage();
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        response.sendRedirect(response.encodeRedirectURL(request.getContextPath() + path));
    }
}
