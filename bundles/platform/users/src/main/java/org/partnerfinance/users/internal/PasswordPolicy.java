package org.partnerfinance.users.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must look like, and the generator of one-time passwords.
 *
 * <p>Rules: at least {@code minLength} characters (never fewer than {@link #FLOOR}, whatever is configured: a lower
 * setting is raised to it, because the common-password list only helps together with a length that rules out the bulk
 * of guessable passwords), at most {@link #MAX_LENGTH}; not the user name; not one character repeated; not in the list
 * of common passwords shipped with this bundle ({@code common-passwords.txt}, compared ignoring case).
 */
final class PasswordPolicy {

    /** The lowest minimum length the portal accepts in its configuration. */
    static final int FLOOR = 12;
    static final int MAX_LENGTH = 1024;
    static final String COMMON_LIST = "common-passwords.txt";

    /** Letters and digits that cannot be mistaken for one another (no 0/o, 1/l/i). */
    static final String OTP_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    /** Characters of a one-time password, written in groups of four: 20 characters from 31 give about 99 bits. */
    static final int OTP_CHARS = 20;

    private final int minLength;
    private final Set<String> common;
    private final SecureRandom random;

    PasswordPolicy(int configuredMinLength, Set<String> common, SecureRandom random) {
        this.minLength = Math.max(FLOOR, configuredMinLength);
        this.common = common;
        this.random = random;
    }

    /** The policy with the common-password list shipped in this bundle. */
    static PasswordPolicy withShippedList(int configuredMinLength, SecureRandom random) {
        return new PasswordPolicy(configuredMinLength, loadCommonList(), random);
    }

    static Set<String> loadCommonList() {
        Set<String> words = new HashSet<>(40_000);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_LIST)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_LIST + " is missing from the bundle");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String w = line.trim();
                if (!w.isEmpty()) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + COMMON_LIST, e);
        }
        return Set.copyOf(words);
    }

    int minLength() {
        return minLength;
    }

    int commonListSize() {
        return common.size();
    }

    /**
     * Checks a new password for the given user.
     *
     * @throws IllegalArgumentException with a message to show when the password is refused
     */
    void check(String username, char[] password) {
        if (password == null || password.length < minLength) {
            throw new IllegalArgumentException("Passwords need at least " + minLength + " characters.");
        }
        if (password.length > MAX_LENGTH) {
            throw new IllegalArgumentException("Passwords have at most " + MAX_LENGTH + " characters.");
        }
        String lower = new String(password).toLowerCase(Locale.ROOT);
        if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("The password must not be the user name.");
        }
        if (lower.chars().distinct().count() == 1) {
            throw new IllegalArgumentException("The password must not repeat one character.");
        }
        if (common.contains(lower)) {
            throw new IllegalArgumentException(
                    "This password is one of the most common passwords and easy to guess. Please choose another.");
        }
    }

    /** A new one-time password: {@link #OTP_CHARS} characters of {@link #OTP_ALPHABET} in dash-separated groups of 4. */
    String oneTimePassword() {
        StringBuilder b = new StringBuilder(OTP_CHARS + OTP_CHARS / 4);
        for (int i = 0; i < OTP_CHARS; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(OTP_ALPHABET.charAt(random.nextInt(OTP_ALPHABET.length())));
        }
        return b.toString();
    }
}
