package dev.waotp.spring;

import dev.waotp.verify.CallerKeys;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.web.context.ServletContextAware;

/**
 * The caller key a request counts against in the verifier's per-caller limit, for the Spring Security
 * login's phone form and the {@code waotp.web} start endpoint alike.
 *
 * <p>It is the client address as the servlet container reports it ({@code getRemoteAddr()}, after
 * whatever the container did with forwarded headers): never a header the client could have written. So
 * behind a reverse proxy, the container must put the client's address there; on Tomcat,
 * {@code server.forward-headers-strategy=native} does, reading {@code X-Forwarded-For} from the right
 * and skipping the proxies it trusts. Where the container does not, {@code waotp.web.trusted-proxies}
 * names the proxies: for a request that comes from one of them, {@code X-Forwarded-For} is read from
 * the right, past every trusted proxy, and the first address that is not one is the caller; what a
 * client wrote to the left of it is never reached.
 */
public final class CallerKeyResolver implements ServletContextAware {
    private static final String ATTRIBUTE = CallerKeyResolver.class.getName();
    /** Without trusted proxies: the container's address only. */
    private static final CallerKeyResolver CONTAINER_ADDRESS = new CallerKeyResolver(List.of());

    private final List<AddressRange> trustedProxies;

    CallerKeyResolver(List<AddressRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * The caller key of {@code request}, as {@link dev.waotp.verify.CallerKeys#fromAddress(String)} makes
     * it (an IPv6 address per /64), by the application's resolver (the starter's bean) if it has one.
     *
     * @throws dev.waotp.InvalidInputException when the container's address is not an IP address
     */
    public static String callerKey(HttpServletRequest request) {
        ServletContext servletContext = request.getServletContext();
        Object configured = servletContext == null ? null : servletContext.getAttribute(ATTRIBUTE);
        return (configured instanceof CallerKeyResolver resolver ? resolver : CONTAINER_ADDRESS).resolve(request);
    }

    /** Made known to {@link #callerKey} through the servlet context: the filters are not beans. */
    @Override
    public void setServletContext(ServletContext servletContext) {
        servletContext.setAttribute(ATTRIBUTE, this);
    }

    String resolve(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        InetAddress hop = trustedProxies.isEmpty() ? null : AddressRange.literal(remote);
        if (hop == null || !trusted(hop)) {
            return CallerKeys.fromAddress(remote);
        }
        List<String> forwarded = forwardedFor(request);
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            InetAddress next = AddressRange.literal(forwarded.get(i));
            if (next == null) {
                // Not an address: no trusted proxy wrote it, so the last one that did is all that is known.
                break;
            }
            hop = next;
            if (!trusted(hop)) {
                break;
            }
        }
        return CallerKeys.fromAddress(hop);
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    /** Every X-Forwarded-For value in order, over all the lines the header came in. */
    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> values = new ArrayList<>();
        Enumeration<String> lines = request.getHeaders("X-Forwarded-For");
        while (lines != null && lines.hasMoreElements()) {
            Collections.addAll(values, lines.nextElement().split(","));
        }
        return values;
    }
}
