package org.partnerfinance.claims.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the claims core does with uploaded files: recognise their content type from their first bytes (never from the
 * name or what the browser says), clean their names, and fingerprint them.
 */
final class Attachments {

    static final String PDF = "application/pdf";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";

    static final int MAX_FILENAME = 100;

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private static final Map<String, String> TYPE_BY_EXTENSION = Map.of(
            "pdf", PDF, "png", PNG, "jpg", JPEG, "jpeg", JPEG, "jpe", JPEG);
    private static final Map<String, String> LABELS = Map.of(PDF, "PDF", PNG, "PNG", JPEG, "JPEG");

    private Attachments() {
    }

    /** The content type recognised from the leading bytes: PDF, PNG or JPEG; empty for anything else. */
    static Optional<String> sniff(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        return Optional.empty();
    }

    /** The content type a file name's extension stands for, if it is one the core recognises. */
    static Optional<String> typeForFilename(String filename) {
        int dot = filename.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(TYPE_BY_EXTENSION.get(filename.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** A short name for a content type, e.g. {@code PDF}. */
    static String label(String contentType) {
        return LABELS.getOrDefault(contentType, contentType);
    }

    /**
     * A file name safe to store and show: no directories, only letters, digits, space and {@code . _ - ( )}
     * (anything else becomes {@code _}), no leading dots, at most {@value #MAX_FILENAME} characters with the
     * extension kept, {@code attachment} when nothing is left.
     */
    static String sanitizeFilename(String raw) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> clean.appendCodePoint(
                Character.isLetterOrDigit(cp) || " ._-()".indexOf(cp) >= 0 ? cp : '_'));
        String result = clean.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1).strip();
        }
        if (result.isEmpty()) {
            return "attachment";
        }
        if (result.length() > MAX_FILENAME) {
            int dot = result.lastIndexOf('.');
            String extension = dot > 0 && result.length() - dot <= 10 ? result.substring(dot) : "";
            int cut = MAX_FILENAME - extension.length();
            if (Character.isHighSurrogate(result.charAt(cut - 1))) {
                cut--;
            }
            result = result.substring(0, cut) + extension;
        }
        return result;
    }

    /** Lower-case hex SHA-256 of the content. */
    static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** A size for messages, e.g. {@code 5 MB} or {@code 300 KB}. */
    static String describeSize(long bytes) {
        long mb = 1024 * 1024;
        if (bytes >= mb) {
            long tenths = bytes * 10 / mb;
            return tenths % 10 == 0 ? tenths / 10 + " MB" : tenths / 10 + "." + tenths % 10 + " MB";
        }
        if (bytes >= 1024) {
            return (bytes / 1024) + " KB";
        }
        return bytes + " bytes";
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content == null || content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
