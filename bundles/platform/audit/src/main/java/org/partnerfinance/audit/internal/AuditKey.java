package org.partnerfinance.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that signs the chain's head (HMAC-SHA256), kept in a file outside the database so that whoever can rewrite
 * the database cannot also produce a valid head. The file holds 32 random bytes in Base64 on one line; it is created
 * with {@link SecureRandom} the first time, readable and writable by its owner only where the file system supports
 * POSIX permissions. The key itself is never logged or shown.
 */
final class AuditKey {

    static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;
    private static final byte[] HEAD_TAG = "pf-audit-head-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TREE_TAG = "pf-audit-tree-v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final Path file;
    private final boolean created;

    private AuditKey(byte[] key, Path file, boolean created) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.file = file;
        this.created = created;
    }

    /** Reads the key from {@code file}, or creates the file with a new random key when there is none. */
    static AuditKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                try {
                    return create(file);
                } catch (FileAlreadyExistsException raced) {
                    // created meanwhile by someone else: use theirs
                }
            }
            return new AuditKey(read(file), file, false);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the audit key file " + file + ": " + e.getMessage(),
                    e);
        }
    }

    private static AuditKey create(Path file) throws IOException {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        // CREATE_NEW: never overwrite a key that appeared meanwhile; permissions are set at creation, before the key
        // is written, so the file is never readable by others.
        boolean posix = Files.getFileStore(dir == null ? file.toAbsolutePath() : dir)
                .supportsFileAttributeView("posix");
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + System.lineSeparator(),
                StandardCharsets.US_ASCII, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.SYNC);
        return new AuditKey(bytes, file, true);
    }

    private static byte[] read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The audit key file " + file + " does not hold a Base64 key");
        }
        if (bytes.length < KEY_BYTES) {
            throw new IllegalStateException("The audit key in " + file + " is shorter than " + KEY_BYTES + " bytes");
        }
        return bytes;
    }

    /** Whether the file was created by this instance (first start with this key). */
    boolean created() {
        return created;
    }

    Path file() {
        return file;
    }

    /** The signature of a head pointing at record {@code seq} with hash {@code hash}, as 64 hex digits. */
    String sign(long seq, String hash) {
        return mac(HEAD_TAG, Long.toString(seq), hash);
    }

    /**
     * The signature of the Merkle tree's right edge ({@code frontier}, see {@link MerkleTree.Frontier#encode}) for a
     * tree of {@code size} records. The tree heads partners receive are computed from this edge: without it, whoever
     * can write the database could make the service sign a tree over records it never wrote.
     */
    String signTree(long size, String frontier) {
        return mac(TREE_TAG, Long.toString(size), frontier);
    }

    /** Whether {@code signature} is this key's signature of the tree's edge; compared in constant time. */
    boolean verifiesTree(long size, String frontier, String signature) {
        if (signature == null || frontier == null) {
            return false;
        }
        return MessageDigest.isEqual(signTree(size, frontier).getBytes(StandardCharsets.US_ASCII),
                signature.trim().getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(byte[] tag, String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.writeBytes(tag);
        for (String f : fields) {
            AuditChain.field(out, f);
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(out.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }

    /** Whether {@code signature} is this key's signature of the head; compared in constant time. */
    boolean verifies(long seq, String hash, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(seq, hash).getBytes(StandardCharsets.US_ASCII),
                signature.trim().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "audit key in " + file; // never the key
    }
}
