package dev.waotp.verify;

import dev.waotp.InvalidInputException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Turns a client's IP address into the caller key that {@link Verifier#start} limits. An IPv4 address
 * is its own key. An IPv6 address is grouped by its /64 network: one subscriber is usually given a
 * whole /64 (2^64 addresses), so keying by the full address would give one client 2^64 caller limits.
 *
 * <pre>{@code
 * verifier.start(phone, CallerKeys.fromAddress(request.getRemoteAddr()));
 * }</pre>
 */
public final class CallerKeys {
    /** Only literal addresses: a host name must never reach the resolver from a request. */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private CallerKeys() {}

    /**
     * The caller key of {@code address}: an IPv4 address as itself ({@code 198.51.100.7}), an IPv6
     * address as its /64 network ({@code 2001:db8:1:2::/64}); an IPv4-mapped IPv6 address
     * ({@code ::ffff:198.51.100.7}) as the IPv4 address. Brackets and a zone ({@code %eth0}) are ignored.
     *
     * @throws InvalidInputException if {@code address} is not a literal IPv4 or IPv6 address
     */
    public static String fromAddress(String address) {
        if (address == null) {
            throw new InvalidInputException("address", "is required");
        }
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (!LITERAL.matcher(literal).matches()) {
            throw new InvalidInputException("address", "must be a literal IPv4 or IPv6 address");
        }
        return fromAddress(parse(literal));
    }

    /** The caller key of {@code address}, as {@link #fromAddress(String)}. */
    public static String fromAddress(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            StringBuilder key = new StringBuilder(24);
            for (int group = 0; group < 4; group++) {
                key.append(Integer.toHexString(((bytes[2 * group] & 0xff) << 8) | (bytes[2 * group + 1] & 0xff)));
                key.append(':');
            }
            return key.append(":/64").toString();
        }
        throw new InvalidInputException("address", "must be an IPv4 or IPv6 address");
    }

    /** Checked here: the JDK would take an out-of-range quad such as 999.1.1.1 for a host name and look it up. */
    private static boolean isDottedQuad(String literal) {
        String[] parts = literal.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress parse(String literal) {
        if (!literal.contains(":") && !isDottedQuad(literal)) {
            throw new InvalidInputException("address", "must be a literal IPv4 or IPv6 address");
        }
        try {
            // Only a literal gets here, so this never asks a resolver.
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("address", "must be a literal IPv4 or IPv6 address");
        }
    }
}
