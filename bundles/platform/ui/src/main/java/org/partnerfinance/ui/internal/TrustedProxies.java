package org.partnerfinance.ui.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which reverse proxies are trusted, and what the client address and scheme of a request are once their
 * {@code Forwarded} (RFC 7239) or {@code X-Forwarded-For} / {@code X-Forwarded-Proto} headers are taken into account.
 *
 * <p>The headers are honoured only when the TCP peer is a trusted proxy. The hop list is then walked from the right
 * (the hop nearest the portal) and trusted proxies are skipped: the first untrusted hop is the client. Anything to its
 * left was written by the client itself and is never believed. Without trusted proxies the headers are ignored.
 *
 * <p>Only address literals are compared (no name lookups). A hop that is no address (e.g. {@code unknown} or an
 * obfuscated RFC 7239 identifier) ends the walk: the proxy that reported it counts as the client.
 */
final class TrustedProxies {

    /** The client as the portal sees it. */
    record Client(String address, boolean secure) {
    }

    private final List<Network> networks;

    private TrustedProxies(List<Network> networks) {
        this.networks = networks;
    }

    /**
     * @param entries addresses ({@code 10.0.0.5}, {@code ::1}) or networks ({@code 10.0.0.0/8}, {@code fd00::/8})
     * @throws IllegalArgumentException naming an entry that is neither
     */
    static TrustedProxies of(String... entries) {
        return of(entries, bad -> {
            throw bad;
        });
    }

    /**
     * Like {@link #of(String...)}, but hands entries that are no address or network to {@code onBad} and leaves them
     * out (trusting less than configured never lets a client forge its address). Entries may be comma-separated lists
     * and may carry the brackets and quotes of an array written as text ({@code [ "10.0.0.1", "::1" ]}).
     */
    static TrustedProxies of(String[] entries, java.util.function.Consumer<IllegalArgumentException> onBad) {
        List<Network> parsed = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            for (String part : entry.replaceAll("[\\[\\]\"]", " ").split(",")) {
                if (!part.isBlank()) {
                    try {
                        parsed.add(Network.parse(part.strip()));
                    } catch (IllegalArgumentException e) {
                        onBad.accept(e);
                    }
                }
            }
        }
        return new TrustedProxies(List.copyOf(parsed));
    }

    boolean isEmpty() {
        return networks.isEmpty();
    }

    boolean isTrusted(String address) {
        Optional<byte[]> bytes = literal(address);
        return bytes.isPresent() && networks.stream().anyMatch(n -> n.contains(bytes.get()));
    }

    /**
     * The client of a request.
     *
     * @param peer           the TCP peer ({@code getRemoteAddr()})
     * @param secure         whether the request reached the portal over TLS ({@code isSecure()})
     * @param forwarded      values of the {@code Forwarded} headers, in order
     * @param forwardedFor   values of the {@code X-Forwarded-For} headers, in order (used without {@code Forwarded})
     * @param forwardedProto the first {@code X-Forwarded-Proto} value, or null
     */
    Client resolve(String tcpPeer, boolean secure, List<String> forwarded, List<String> forwardedFor,
            String forwardedProto) {
        // Jetty reports IPv6 peers in brackets ([::1]); the address itself is what throttling and audit key on
        String peer = tcpPeer != null && tcpPeer.startsWith("[") && tcpPeer.endsWith("]")
                ? tcpPeer.substring(1, tcpPeer.length() - 1) : tcpPeer;
        if (!isTrusted(peer)) {
            return new Client(peer, secure);
        }
        List<Hop> hops = !forwarded.isEmpty() ? parseForwarded(forwarded) : parseForwardedFor(forwardedFor,
                forwardedProto);
        if (hops.isEmpty()) {
            return new Client(peer, secure);
        }
        String client = peer;
        String proto = null;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Hop hop = hops.get(i);
            if (hop.proto() != null) {
                proto = hop.proto();
            }
            if (literal(hop.address()).isEmpty()) {
                break; // not an address: the proxy that wrote it is as far as the portal can see
            }
            client = hop.address();
            if (!isTrusted(client)) {
                break;
            }
        }
        boolean viaTls = proto == null ? secure : "https".equals(proto.toLowerCase(Locale.ROOT));
        return new Client(client, viaTls);
    }

    private record Hop(String address, String proto) {
    }

    /** RFC 7239: {@code for=192.0.2.60;proto=http, for="[2001:db8:cafe::17]:4711"}. */
    private static List<Hop> parseForwarded(List<String> headers) {
        List<Hop> hops = new ArrayList<>();
        for (String header : headers) {
            for (String element : header.split(",")) {
                String address = null;
                String proto = null;
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq < 0) {
                        continue;
                    }
                    String key = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                    String value = unquote(pair.substring(eq + 1).strip());
                    if (key.equals("for")) {
                        address = stripPort(value);
                    } else if (key.equals("proto")) {
                        proto = value;
                    }
                }
                hops.add(new Hop(address == null ? "" : address, proto));
            }
        }
        return hops;
    }

    /** {@code X-Forwarded-For: client, proxy1, proxy2}; the scheme applies to the whole chain. */
    private static List<Hop> parseForwardedFor(List<String> headers, String proto) {
        List<Hop> hops = new ArrayList<>();
        for (String header : headers) {
            for (String address : header.split(",")) {
                if (!address.isBlank()) {
                    hops.add(new Hop(stripPort(address.strip()), null));
                }
            }
        }
        if (!hops.isEmpty() && proto != null && !proto.isBlank()) {
            // X-Forwarded-Proto is what the first proxy saw from the client: its first value
            String first = proto.split(",")[0].strip();
            Hop last = hops.get(hops.size() - 1);
            hops.set(hops.size() - 1, new Hop(last.address(), first));
        }
        return Collections.unmodifiableList(hops);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** {@code [::1]:8080} → {@code ::1}, {@code 1.2.3.4:80} → {@code 1.2.3.4}, bare IPv6 unchanged. */
    static String stripPort(String value) {
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            return close > 0 ? value.substring(1, close) : value;
        }
        int colon = value.indexOf(':');
        if (colon > 0 && value.indexOf(':', colon + 1) < 0) {
            return value.substring(0, colon);
        }
        return value;
    }

    /** The bytes of an IPv4 or IPv6 literal; empty for anything else (never a name lookup). */
    static Optional<byte[]> literal(String address) {
        if (address == null || address.isEmpty()) {
            return Optional.empty();
        }
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        boolean ipv4 = a.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = a.indexOf(':') >= 0 && a.matches("[0-9A-Fa-f:.]+(%[0-9A-Za-z]+)?");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        if (ipv4) {
            for (String octet : a.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            // a literal: InetAddress parses it without resolving
            byte[] bytes = InetAddress.getByName(a).getAddress();
            return Optional.of(normalise(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) compare as IPv4. */
    private static byte[] normalise(byte[] bytes) {
        if (bytes.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            mapped &= bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
            if (mapped) {
                return new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] };
            }
        }
        return bytes;
    }

    /** An address with a prefix length. */
    private record Network(byte[] address, int prefix) {

        static Network parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] bytes = literal(address).orElseThrow(() -> new IllegalArgumentException(
                    "Not an IP address or network: '" + entry + "'"));
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Not an IP address or network: '" + entry + "'", e);
                }
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException("Prefix length out of range in '" + entry + "'");
                }
            }
            return new Network(bytes, prefix);
        }

        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[full] & mask) == (address[full] & mask);
        }
    }
}
