package org.partnerfinance.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class TrustedProxiesTest {

    private static final TrustedProxies NONE = TrustedProxies.of();
    private static final TrustedProxies PROXY = TrustedProxies.of("10.0.0.0/8", "::1", "192.168.1.5");

    private static TrustedProxies.Client xff(TrustedProxies proxies, String peer, String forwardedFor, String proto) {
        return proxies.resolve(peer, false, List.of(), forwardedFor == null ? List.of() : List.of(forwardedFor),
                proto);
    }

    @Test
    public void withoutTrustedProxiesTheHeadersAreIgnored() {
        TrustedProxies.Client client = NONE.resolve("10.1.2.3", false, List.of("for=198.51.100.7;proto=https"),
                List.of("198.51.100.7"), "https");
        assertEquals("10.1.2.3", client.address());
        assertFalse(client.secure());
    }

    @Test
    public void anUntrustedPeerCannotClaimAnotherAddressOrHttps() {
        TrustedProxies.Client client = xff(PROXY, "203.0.113.9", "198.51.100.7", "https");
        assertEquals("203.0.113.9", client.address());
        assertFalse(client.secure());
    }

    @Test
    public void aTrustedProxyReportsTheClientAndTheScheme() {
        TrustedProxies.Client client = xff(PROXY, "10.0.0.2", "198.51.100.7", "https");
        assertEquals("198.51.100.7", client.address());
        assertTrue(client.secure());
    }

    @Test
    public void addressesTheClientWroteItselfAreSkipped() {
        // the client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the real peer
        assertEquals("198.51.100.7", xff(PROXY, "10.0.0.2", "1.2.3.4, 198.51.100.7", null).address());
        // a chain of trusted proxies is walked back to the first untrusted hop
        assertEquals("198.51.100.7", xff(PROXY, "10.0.0.2", "1.2.3.4, 198.51.100.7, 10.9.9.9, 192.168.1.5", null)
                .address());
    }

    @Test
    public void aHopThatIsNoAddressStopsTheWalkAtTheProxyThatReportedIt() {
        assertEquals("10.0.0.2", xff(PROXY, "10.0.0.2", "1.2.3.4, unknown", null).address());
        assertEquals("10.0.0.2", xff(PROXY, "10.0.0.2", "evil.example.org", null).address());
    }

    @Test
    public void withoutForwardedHeadersTheTrustedPeerIsTheClient() {
        TrustedProxies.Client client = xff(PROXY, "10.0.0.2", null, null);
        assertEquals("10.0.0.2", client.address());
        assertFalse(client.secure());
        assertTrue(PROXY.resolve("::1", true, List.of(), List.of(), null).secure());
        // IPv6 peers as Jetty reports them
        assertEquals("0:0:0:0:0:0:0:1", NONE.resolve("[0:0:0:0:0:0:0:1]", false, List.of(), List.of(), null)
                .address());
        assertEquals("198.51.100.7", xff(PROXY, "[0:0:0:0:0:0:0:1]", "198.51.100.7", null).address());
    }

    @Test
    public void rfc7239ForwardedIsPreferredAndUnderstood() {
        TrustedProxies.Client client = PROXY.resolve("::1", false,
                List.of("for=1.2.3.4, for=\"[2001:db8:cafe::17]:4711\";proto=https"), List.of("5.6.7.8"), "http");
        assertEquals("2001:db8:cafe::17", client.address());
        assertTrue(client.secure());
        assertEquals("198.51.100.7",
                PROXY.resolve("10.0.0.2", true, List.of("for=198.51.100.7:5000;proto=http"), List.of(), null)
                        .address());
        assertFalse(PROXY.resolve("10.0.0.2", true, List.of("for=198.51.100.7;proto=http"), List.of(), null)
                .secure());
        // an obfuscated identifier is no address
        assertEquals("10.0.0.2", PROXY.resolve("10.0.0.2", false, List.of("for=_hidden"), List.of(), null)
                .address());
    }

    @Test
    public void networksMatchByPrefixAndIpv4MappedAddressesAsIpv4() {
        TrustedProxies proxies = TrustedProxies.of("172.16.0.0/12, fd00::/8");
        assertTrue(proxies.isTrusted("172.31.255.1"));
        assertFalse(proxies.isTrusted("172.32.0.1"));
        assertTrue(proxies.isTrusted("fd12:3456::1"));
        assertFalse(proxies.isTrusted("fe80::1"));
        assertTrue(proxies.isTrusted("::ffff:172.16.0.1"));
        assertFalse(proxies.isTrusted("localhost"));
        assertFalse(proxies.isTrusted("999.1.1.1"));
    }

    @Test
    public void badEntriesAreRefusedWithTheirText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrustedProxies.of("proxy.example.org"));
        assertTrue(e.getMessage(), e.getMessage().contains("proxy.example.org"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of("10.0.0.0/33"));
    }

    @Test
    public void inTheConfigurationBadEntriesAreLeftOutAndReported() {
        java.util.List<String> reported = new java.util.ArrayList<>();
        TrustedProxies proxies = TrustedProxies.of(new String[] {"[ \"10.0.0.1\", \"proxy.example.org\" ]", ""},
                e -> reported.add(e.getMessage()));
        assertTrue(proxies.isTrusted("10.0.0.1"));
        assertFalse(proxies.isTrusted("10.0.0.2"));
        assertEquals(1, reported.size());
        assertTrue(TrustedProxies.of(new String[] {"[ ]"}, e -> reported.add(e.getMessage())).isEmpty());
        assertEquals(1, reported.size());
    }

    @Test
    public void portsAreStripped() {
        assertEquals("1.2.3.4", TrustedProxies.stripPort("1.2.3.4:80"));
        assertEquals("::1", TrustedProxies.stripPort("[::1]:8080"));
        assertEquals("2001:db8::1", TrustedProxies.stripPort("2001:db8::1"));
    }
}
