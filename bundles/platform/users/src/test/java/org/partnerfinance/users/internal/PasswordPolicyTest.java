package org.partnerfinance.users.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.Test;

public class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.withShippedList(12, new SecureRandom());

    @Test
    public void theShippedListIsLoadedWhole() {
        assertEquals(30_000, policy.commonListSize());
    }

    @Test
    public void twelveCharactersAtLeastEvenIfLessIsConfigured() {
        assertEquals(12, PasswordPolicy.withShippedList(4, new SecureRandom()).minLength());
        assertEquals(16, PasswordPolicy.withShippedList(16, new SecureRandom()).minLength());
        refused("elevenchars", "at least 12");
        policy.check("someone", "twelve chars".toCharArray());
        refused("x".repeat(1025), "at most 1024");
        refused(null, "at least 12");
    }

    @Test
    public void commonPasswordsAreRefusedIgnoringCase() {
        refused("1q2w3e4r5t6y", "common");
        refused("1Q2W3E4R5T6Y", "common");
        refused("123qweasdzxc", "common");
    }

    @Test
    public void userNameAndRepeatedCharactersAreRefused() {
        try {
            policy.check("controller-01", "Controller-01".toCharArray());
            fail("the user name was accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("user name"));
        }
        refused("aaaaaaaaaaaaaaaa", "repeat");
    }

    @Test
    public void oneTimePasswordsAreLongReadableAndDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String otp = policy.oneTimePassword();
            assertTrue(otp, otp.matches("[23456789abcdefghjkmnpqrstuvwxyz]{4}(-[23456789abcdefghjkmnpqrstuvwxyz]{4}){4}"));
            assertTrue(otp.length() >= 16);
            assertTrue("one-time passwords pass the policy", checks(otp));
            seen.add(otp);
        }
        assertEquals(200, seen.size());
    }

    private boolean checks(String password) {
        policy.check("someone", password.toCharArray());
        return true;
    }

    private void refused(String password, String messagePart) {
        try {
            policy.check("someone", password == null ? null : password.toCharArray());
            fail("accepted " + password);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(messagePart));
        }
    }
}
