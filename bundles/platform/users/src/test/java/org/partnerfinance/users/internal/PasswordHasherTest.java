package org.partnerfinance.users.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.Test;

public class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000, new SecureRandom());

    @Test
    public void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("demo".toCharArray());
        assertTrue(hasher.verify("demo".toCharArray(), hash));
        assertFalse(hasher.verify("Demo".toCharArray(), hash));
        assertFalse(hasher.verify("demo ".toCharArray(), hash));
        assertFalse(hasher.verify(new char[0], hash));
    }

    @Test
    public void hashFormatCarriesSchemeIterationsSaltAndHash() {
        String hash = hasher.hash("demo".toCharArray());
        String[] parts = hash.split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("1000", parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
        assertFalse("no plain text in the hash", hash.contains("demo"));
    }

    @Test
    public void sameSecretGetsDifferentSaltsAndHashes() {
        String a = hasher.hash("demo".toCharArray());
        String b = hasher.hash("demo".toCharArray());
        assertNotEquals(a, b);
        assertNotEquals(a.split("\\$")[2], b.split("\\$")[2]);
        assertTrue(hasher.verify("demo".toCharArray(), a));
        assertTrue(hasher.verify("demo".toCharArray(), b));
    }

    @Test
    public void iterationCountIsHonouredAndStoredPerHash() {
        PasswordHasher stronger = new PasswordHasher(2_500, new SecureRandom());
        String old = hasher.hash("demo".toCharArray());
        String current = stronger.hash("demo".toCharArray());
        assertEquals(1_000, PasswordHasher.iterationsOf(old));
        assertEquals(2_500, PasswordHasher.iterationsOf(current));
        // a hash keeps verifying with the count it was made with, whatever is configured now
        assertTrue(stronger.verify("demo".toCharArray(), old));
        assertTrue(hasher.verify("demo".toCharArray(), current));
        assertTrue(stronger.needsRehash(old));
        assertFalse(stronger.needsRehash(current));
        // the count is part of the computation: the same salt with another count gives another hash
        String[] parts = old.split("\\$");
        String tampered = parts[0] + "$2000$" + parts[2] + "$" + parts[3];
        assertFalse(hasher.verify("demo".toCharArray(), tampered));
    }

    @Test
    public void malformedHashesNeverMatch() {
        assertFalse(hasher.verify("demo".toCharArray(), null));
        assertFalse(hasher.verify("demo".toCharArray(), "demo"));
        assertFalse(hasher.verify("demo".toCharArray(), "md5$1000$abc$def"));
        assertFalse(hasher.verify("demo".toCharArray(), "pbkdf2-sha256$x$abc$def"));
        assertEquals(-1, PasswordHasher.iterationsOf("garbage"));
    }

    @Test
    public void tooFewIterationsAreRefused() {
        try {
            new PasswordHasher(999, new SecureRandom());
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("1000"));
        }
    }

    @Test
    public void defaultIterationCountIs600000() {
        assertEquals(600_000, PasswordHasher.DEFAULT_ITERATIONS);
        PasswordHasher production = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS, new SecureRandom());
        String hash = production.hash("demo".toCharArray());
        assertTrue(hash.startsWith("pbkdf2-sha256$600000$"));
        assertTrue(production.verify("demo".toCharArray(), hash));
    }
}
