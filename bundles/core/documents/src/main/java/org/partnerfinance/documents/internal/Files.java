package org.partnerfinance.documents.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Uploaded files: their content type recognised from their first bytes (never from the name or what the browser
 * says) and their names cleaned before they are stored or shown.
 */
final class Files {

    static final String PDF = "application/pdf";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final int MAX_FILENAME = 100;

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private Files() {
    }

    /** PDF, PNG or JPEG by the leading bytes; empty for anything else. */
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

    /**
     * A file name safe to store and show: no directories, only letters, digits, space and {@code . _ - ( )}, no
     * leading dots, at most {@value #MAX_FILENAME} characters with the extension kept, {@code attachment} when nothing
     * is left.
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
