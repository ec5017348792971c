package dev.waotp.spring.security;

import dev.waotp.verify.Verifier;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.HttpSecurityBuilder;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.config.annotation.web.configurers.SessionManagementConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.authentication.ui.DefaultLoginPageGeneratingFilter;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Sign-in by WhatsApp code for Spring Security, in the style of {@code formLogin()} and
 * {@code oneTimeTokenLogin()}:
 *
 * <pre>{@code
 * http.with(WhatsAppLoginConfigurer.whatsAppLogin(), whatsApp -> whatsApp
 *         .users(phone -> users.findByPhone(phone))            // sign in by phone and code
 *         .secondFactor(auth -> users.phoneOf(auth.getName()))); // and/or a factor after a password
 * }</pre>
 *
 * <p>A sign-in: {@code GET /login/whatsapp} shows a phone form; its POST sends a code (through the
 * application's {@link Verifier} bean, purpose {@value #LOGIN_PURPOSE}) and keeps the phone in the HTTP
 * session; {@code GET /login/whatsapp/code} shows the code form; its POST checks the code for that
 * session's phone and signs in the user the {@link PhoneUserResolver} finds, with their authorities and
 * {@link WhatsAppFactor#AUTHORITY}. A second factor: when an authorization rule needs
 * {@link WhatsAppFactor#AUTHORITY} and the signed-in user lacks it, Spring Security sends them to
 * {@code /login/whatsapp/factor}, whose POST sends a code (purpose {@value #FACTOR_PURPOSE}) to the number
 * {@link UserPhoneResolver} gives; an approved code adds the factor to the user's authentication.
 *
 * <p>A code belongs to whoever was signed in when it was asked for (no one, for a sign-in): once someone
 * else signs in, in the same session, it is dropped, so a factor code sent to one user's phone never
 * completes another user's factor. Each check counts against the client address's check limit
 * ({@code RateLimit.CALLER_CHECKS}).
 *
 * <p>CSRF protection, session fixation protection, the security context repository and remember-me are
 * the chain's own, as for a form login. Every outcome of the verifier is told to the user on the next
 * page: a wrong code and the attempts left, how long to wait, a lock.
 *
 * <p>As {@code oneTimeTokenLogin()} does, the provider that checks codes is added to the chain's
 * {@code AuthenticationManager} ({@code http.authenticationProvider(...)}), so every sign-in and factor by
 * WhatsApp code, approved or refused, is published by the application's {@code AuthenticationEventPublisher}
 * as an {@code AuthenticationSuccessEvent} or a failure event (bad credentials; a service failure when the
 * store or the limits failed), for audit logs. A chain given a manager of its own
 * ({@code http.authenticationManager(...)}) has no place for the provider: the configurer then checks
 * codes with one of its own, as before, and no event is published.
 *
 * <p>A page set with {@link #loginPage}, {@link #codePage} or {@link #factorPage} is the application's
 * to serve (and to permit); the others are still generated. With {@code formLogin()} and its generated
 * {@code /login} page, that page gets a link to the WhatsApp sign-in.
 *
 * @param <H> the security builder, {@code HttpSecurity}
 */
public final class WhatsAppLoginConfigurer<H extends HttpSecurityBuilder<H>>
        extends AbstractHttpConfigurer<WhatsAppLoginConfigurer<H>, H> {
    /** The verifier purpose of sign-in codes. */
    public static final String LOGIN_PURPOSE = "login";
    /** The verifier purpose of second-factor codes, kept apart from sign-in codes. */
    public static final String FACTOR_PURPOSE = "second-factor";

    private String loginPage = "/login/whatsapp";
    private String codePage = "/login/whatsapp/code";
    private String factorPage = "/login/whatsapp/factor";
    private boolean ownLoginPage;
    private boolean ownCodePage;
    private boolean ownFactorPage;
    private @Nullable AuthenticationSuccessHandler successHandler;
    private @Nullable AuthenticationFailureHandler failureHandler;
    private @Nullable WhatsAppCodeAuthenticationProvider provider;
    private @Nullable PhoneUserResolver users;
    private @Nullable UserPhoneResolver phones;
    private @Nullable Verifier verifier;
    private Clock clock = Clock.systemUTC();

    private WhatsAppLoginConfigurer() {}

    /** A configurer for {@code http.with(...)}. */
    public static <H extends HttpSecurityBuilder<H>> WhatsAppLoginConfigurer<H> whatsAppLogin() {
        return new WhatsAppLoginConfigurer<>();
    }

    /**
     * Turns on sign-in by phone and code, with users found by phone.
     *
     * @param users the application's users by phone number
     * @return this configurer
     */
    public WhatsAppLoginConfigurer<H> users(PhoneUserResolver users) {
        this.users = Objects.requireNonNull(users, "users");
        return this;
    }

    /**
     * Turns on the WhatsApp second factor, sent to the signed-in user's number.
     *
     * @param phones the number of a signed-in user
     * @return this configurer
     */
    public WhatsAppLoginConfigurer<H> secondFactor(UserPhoneResolver phones) {
        this.phones = Objects.requireNonNull(phones, "phones");
        return this;
    }

    /**
     * The phone form's address (GET shows it, POST sends the code); {@code /login/whatsapp} unless set. Once
     * set, the application serves the form there (and permits it); the POST is still the configurer's.
     *
     * @param loginPage a path in the application
     * @return this configurer
     */
    public WhatsAppLoginConfigurer<H> loginPage(String loginPage) {
        this.loginPage = path(loginPage);
        this.ownLoginPage = true;
        return this;
    }

    /**
     * The code form's address (GET shows it, POST checks the code); {@code /login/whatsapp/code} unless set.
     * Once set, the application serves the form there; the POST is still the configurer's.
     *
     * @param codePage a path in the application
     * @return this configurer
     */
    public WhatsAppLoginConfigurer<H> codePage(String codePage) {
        this.codePage = path(codePage);
        this.ownCodePage = true;
        return this;
    }

    /**
     * The second-factor form's address (GET shows it, POST sends the code); {@code /login/whatsapp/factor}
     * unless set. Once set, the application serves the form there; the POST is still the configurer's.
     *
     * @param factorPage a path in the application
     * @return this configurer
     */
    public WhatsAppLoginConfigurer<H> factorPage(String factorPage) {
        this.factorPage = path(factorPage);
        this.ownFactorPage = true;
        return this;
    }

    /**
     * Where a user goes after signing in when no page asked for it; {@code /} unless set. As for
     * {@code formLogin()}, this sets the success handler: the last of this and {@link #successHandler} wins.
     *
     * @param defaultSuccessUrl a path in the application
     * @return this configurer
     */
    public WhatsAppLoginConfigurer<H> defaultSuccessUrl(String defaultSuccessUrl) {
        this.successHandler = savedRequestAware(path(defaultSuccessUrl));
        return this;
    }

    /**
     * What happens after an approved code (a sign-in or a second factor); unless set, the page the user
     * asked for before signing in, else {@code /}. The session id has already changed and the security
     * context been saved when it runs.
     *
     * @param successHandler a success handler
     * @return this configurer
     */
    public WhatsAppLoginConfigurer<H> successHandler(AuthenticationSuccessHandler successHandler) {
        this.successHandler = Objects.requireNonNull(successHandler, "successHandler");
        return this;
    }

    /**
     * What happens after a refused code; unless set, the code page again while the code can still be typed,
     * else the page that sends a new one, each with the reason in words. A handler of the application's finds
     * the reason in the exception's message, which is meant for the user and never holds the code.
     *
     * @param failureHandler a failure handler
     * @return this configurer
     */
    public WhatsAppLoginConfigurer<H> failureHandler(AuthenticationFailureHandler failureHandler) {
        this.failureHandler = Objects.requireNonNull(failureHandler, "failureHandler");
        return this;
    }

    /**
     * The verifier to send and check codes with, instead of the application context's {@link Verifier}
     * bean; its purposes {@value #LOGIN_PURPOSE} and {@value #FACTOR_PURPOSE} are used.
     *
     * @param verifier a verifier
     * @return this configurer
     */
    public WhatsAppLoginConfigurer<H> verifier(Verifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        return this;
    }

    /**
     * The clock the messages' waits are told by; the system clock unless set (tests set their own).
     *
     * @param clock a clock
     * @return this configurer
     */
    public WhatsAppLoginConfigurer<H> clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sends users without the WhatsApp factor to the second-factor page, as formLogin() does for passwords,
     * has every sign-in drop a pending code that someone else asked for, and adds the provider to the chain's
     * authentication manager.
     */
    @Override
    public void init(H http) {
        if (users == null && phones == null) {
            throw new IllegalStateException("WhatsAppLoginConfigurer: set users(...) for a sign-in by WhatsApp code,"
                    + " secondFactor(...) for a WhatsApp second factor, or both");
        }
        Verifier base = verifier != null ? verifier : applicationVerifier(http);
        verifier = base;
        provider = postProcess(new WhatsAppCodeAuthenticationProvider(base.forPurpose(LOGIN_PURPOSE),
                base.forPurpose(FACTOR_PURPOSE), users, phones, clock));
        http.authenticationProvider(provider);
        @SuppressWarnings("unchecked")
        ExceptionHandlingConfigurer<H> exceptions = http.getConfigurer(ExceptionHandlingConfigurer.class);
        if (exceptions != null && phones != null) {
            exceptions.defaultDeniedHandlerForMissingAuthority(new LoginUrlAuthenticationEntryPoint(factorPage),
                    WhatsAppFactor.AUTHORITY);
        }
        @SuppressWarnings("unchecked")
        SessionManagementConfigurer<H> sessions = http.getConfigurer(SessionManagementConfigurer.class);
        if (sessions != null) {
            sessions.addSessionAuthenticationStrategy(new PendingCodeSignInStrategy());
        }
    }

    /** Adds the send, check and page filters beside the form login's, with the chain's own shared objects. */
    @Override
    public void configure(H http) {
        LoginPages pages = new LoginPages(loginPage, codePage, factorPage);
        Verifier base = Objects.requireNonNull(verifier, "verifier, found in init");
        Verifier login = base.forPurpose(LOGIN_PURPOSE);
        Verifier factor = base.forPurpose(FACTOR_PURPOSE);
        SecurityContextHolderStrategy contexts = securityContextHolderStrategy(http);

        WhatsAppCodeAuthenticationFilter check = new WhatsAppCodeAuthenticationFilter(pages, contexts);
        AuthenticationManager shared = http.getSharedObject(AuthenticationManager.class);
        check.setAuthenticationManager(shared != null ? shared : new ProviderManager(Objects.requireNonNull(provider)));
        check.setAuthenticationSuccessHandler(successHandler != null ? successHandler : savedRequestAware("/"));
        check.setAuthenticationFailureHandler(failureHandler != null ? failureHandler
                : new WhatsAppCodeFailureHandler(pages, users != null));
        ifShared(http, SessionAuthenticationStrategy.class, check::setSessionAuthenticationStrategy);
        ifShared(http, SecurityContextRepository.class, check::setSecurityContextRepository);
        ifShared(http, RememberMeServices.class, check::setRememberMeServices);

        http.addFilterBefore(postProcess(new WhatsAppCodeSendFilter(pages, login, factor, users, phones, contexts,
                clock)), UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(postProcess(check), UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(postProcess(new WhatsAppLoginPageGeneratingFilter(pages, users != null, phones != null,
                new WhatsAppLoginPageGeneratingFilter.Generated(!ownLoginPage, !ownCodePage, !ownFactorPage),
                contexts, new CodeChannels(login, factor))), DefaultLoginPageGeneratingFilter.class);
        DefaultLoginPageGeneratingFilter defaultPage = http.getSharedObject(DefaultLoginPageGeneratingFilter.class);
        if (users != null && defaultPage != null) {
            http.addFilterBefore(postProcess(new DefaultLoginPageWhatsAppLink(defaultPage, loginPage)),
                    DefaultLoginPageGeneratingFilter.class);
        }
    }

    private static SavedRequestAwareAuthenticationSuccessHandler savedRequestAware(String defaultTargetUrl) {
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setDefaultTargetUrl(defaultTargetUrl);
        return success;
    }

    private static <H extends HttpSecurityBuilder<H>> Verifier applicationVerifier(H http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        if (context == null) {
            throw new IllegalStateException("WhatsAppLoginConfigurer: no application context to find the Verifier"
                    + " bean in; pass one with verifier(...)");
        }
        return context.getBean(Verifier.class);
    }

    private static <H extends HttpSecurityBuilder<H>> SecurityContextHolderStrategy securityContextHolderStrategy(
            H http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        if (context != null && context.getBeanNamesForType(SecurityContextHolderStrategy.class).length == 1) {
            return context.getBean(SecurityContextHolderStrategy.class);
        }
        return SecurityContextHolder.getContextHolderStrategy();
    }

    private static <H extends HttpSecurityBuilder<H>, T> void ifShared(H http, Class<T> type,
            java.util.function.Consumer<T> setter) {
        T shared = http.getSharedObject(type);
        if (shared != null) {
            setter.accept(shared);
        }
    }

    private static String path(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a path in the application starts with /: " + path);
        }
        return path;
    }
}
