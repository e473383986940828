package org.partnerfinance.users.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes with the JDK's PBKDF2WithHmacSHA256: a random 16-byte salt per password, the iteration count stored
 * in the hash, constant-time comparison. Format: {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}.
 */
final class PasswordHasher {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    static final int DEFAULT_ITERATIONS = 600_000;
    /** The least the portal accepts: weaker settings are refused at start. */
    static final int MIN_CONFIGURED_ITERATIONS = 600_000;
    static final int MIN_ITERATIONS = 1_000;
    static final String SCHEME = "pbkdf2-sha256";

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random;

    PasswordHasher(int iterations, SecureRandom random) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("password.iterations must be at least " + MIN_ITERATIONS + ", was "
                    + iterations);
        }
        this.iterations = iterations;
        this.random = random;
    }

    int iterations() {
        return iterations;
    }

    /** A new hash of the password with a fresh salt and the configured iteration count. */
    String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /**
     * Whether the password matches the stored hash. A malformed hash never matches; the comparison takes the same
     * time wherever the first differing byte is.
     */
    boolean verify(char[] password, String stored) {
        Parsed p = parse(stored);
        if (p == null || password == null) {
            return false;
        }
        byte[] actual = derive(password, p.salt, p.iterations);
        return MessageDigest.isEqual(actual, p.hash);
    }

    /** Whether the stored hash uses fewer iterations than configured now (re-hash it after a successful sign-in). */
    boolean needsRehash(String stored) {
        Parsed p = parse(stored);
        return p == null || p.iterations < iterations;
    }

    /** The iteration count recorded in a stored hash, or -1 if it is malformed. */
    static int iterationsOf(String stored) {
        Parsed p = parse(stored);
        return p == null ? -1 : p.iterations;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        // PBEKeySpec refuses an empty password; hash a placeholder so that the time spent is the same
        char[] input = password.length == 0 ? new char[] {'\0'} : password;
        PBEKeySpec spec = new PBEKeySpec(input, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static Parsed parse(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return null;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] salt = b64.decode(parts[2]);
            byte[] hash = b64.decode(parts[3]);
            if (iterations < 1 || salt.length == 0 || hash.length != HASH_BITS / 8) {
                return null;
            }
            return new Parsed(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }
}
