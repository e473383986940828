package org.partnerfinance.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ed25519 key pair that signs the Merkle tree heads of the audit trail. Unlike the HMAC key of the chain's head,
 * its public half can be given to anyone: a partner checks a proof with it without having to trust the portal's
 * database or code. Kept outside the database in one file (PEM: the private key as PKCS#8, then the public key as
 * X.509 SubjectPublicKeyInfo), created with the JDK's generator at first start, owner-only where the file system has
 * POSIX permissions. The private key is never logged or shown.
 */
final class TreeSigningKey {

    static final String ALGORITHM = "Ed25519";
    private static final Pattern PEM =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Path file;
    private final boolean created;

    private TreeSigningKey(PrivateKey privateKey, PublicKey publicKey, Path file, boolean created) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.file = file;
        this.created = created;
    }

    /** Reads the key pair from {@code file}, or creates the file with a new key pair when there is none. */
    static TreeSigningKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                try {
                    return create(file);
                } catch (FileAlreadyExistsException raced) {
                    // created meanwhile by another node or start: use theirs
                }
            }
            return read(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the audit signing key file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static TreeSigningKey create(Path file) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        // CREATE_NEW semantics and owner-only permissions from the start, as for the HMAC key.
        boolean posix = Files.getFileStore(dir == null ? file.toAbsolutePath() : dir)
                .supportsFileAttributeView("posix");
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        String text = pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                + pem("PUBLIC KEY", pair.getPublic().getEncoded());
        Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
        return new TreeSigningKey(pair.getPrivate(), pair.getPublic(), file, true);
    }

    private static TreeSigningKey read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        byte[] privateBytes = null;
        byte[] publicBytes = null;
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(2));
            } catch (IllegalArgumentException e) {
                throw damaged(file);
            }
            if (m.group(1).equals("PRIVATE KEY")) {
                privateBytes = der;
            } else if (m.group(1).equals("PUBLIC KEY")) {
                publicBytes = der;
            }
        }
        if (privateBytes == null || publicBytes == null) {
            throw damaged(file);
        }
        TreeSigningKey key;
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            key = new TreeSigningKey(factory.generatePrivate(new PKCS8EncodedKeySpec(privateBytes)),
                    factory.generatePublic(new X509EncodedKeySpec(publicBytes)), file, false);
        } catch (GeneralSecurityException e) {
            throw damaged(file);
        }
        // A file whose halves do not belong together would publish a key that checks nothing this node signs.
        byte[] probe = "pf-audit-key-check".getBytes(StandardCharsets.US_ASCII);
        if (!verify(key.publicKey, probe, key.sign(probe))) {
            throw new IllegalStateException("The audit signing key file " + file
                    + " holds a public key that does not belong to its private key");
        }
        return key;
    }

    private static IllegalStateException damaged(Path file) {
        return new IllegalStateException("The audit signing key file " + file + " does not hold an Ed25519 private "
                + "and public key in PEM form");
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    boolean created() {
        return created;
    }

    Path file() {
        return file;
    }

    /** The public key as PEM (X.509 SubjectPublicKeyInfo), what partners check signatures with. */
    String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with the audit signing key: " + e.getMessage(), e);
        }
    }

    boolean verifies(byte[] message, byte[] signature) {
        return verify(publicKey, message, signature);
    }

    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "audit signing key in " + file; // never the private key
    }
}
