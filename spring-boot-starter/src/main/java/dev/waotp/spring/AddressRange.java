package dev.waotp.spring;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One IPv4 or IPv6 address, or a CIDR range of them ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), and
 * the reading of literal addresses from text. Only literals are read: a host name in a header must never
 * reach the resolver.
 */
final class AddressRange {
    private final byte[] network;
    private final int prefix;

    private AddressRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /**
     * A range from {@code 192.0.2.7}, {@code 10.0.0.0/8}, {@code ::1} or {@code fd00::/8}.
     *
     * @throws IllegalArgumentException saying what is wrong, without the text
     */
    static AddressRange parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        InetAddress address = literal(slash < 0 ? value : value.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("is not an IP address or a CIDR range such as 10.0.0.0/8");
        }
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = value.substring(slash + 1);
            if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(length) > bits) {
                throw new IllegalArgumentException("has a prefix length that is not 0 to " + bits);
            }
            prefix = Integer.parseInt(length);
        }
        return new AddressRange(address.getAddress(), prefix);
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        if (!Arrays.equals(bytes, 0, whole, network, 0, whole)) {
            return false;
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest);
        return (bytes[whole] & mask) == (network[whole] & mask);
    }

    /**
     * The address a header or the container gives: {@code 203.0.113.7}, {@code 203.0.113.7:5123},
     * {@code 2001:db8::1}, {@code [2001:db8::1]:443}, with or without a zone; {@code null} when it is
     * anything else, a host name included.
     */
    static @Nullable InetAddress literal(String text) {
        String value = text.strip();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            value = end < 0 ? "" : value.substring(1, end);
        } else if (value.indexOf(':') >= 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            value = value.substring(0, value.indexOf(':')); // an IPv4 address with a port
        }
        int zone = value.indexOf('%');
        if (zone >= 0) {
            value = value.substring(0, zone);
        }
        boolean ipv6 = value.indexOf(':') >= 0;
        if (value.isEmpty() || value.length() > 45 || ipv6 && !value.chars().allMatch(AddressRange::isIpv6Char)
                || !ipv6 && !isDottedQuad(value)) {
            return null;
        }
        try {
            // A dotted quad or text with a colon: the JDK parses it and never asks a resolver.
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isIpv6Char(int c) {
        return Character.digit(c, 16) >= 0 || c == ':' || c == '.';
    }

    /** Four decimal parts of 0 to 255 without leading zeros, which some parsers read as octal. */
    private static boolean isDottedQuad(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || part.length() > 1 && part.charAt(0) == '0' || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
