package org.partnerfinance.itest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Real, small receipt files for claims: valid PNG images and PDF documents. Every file is different (random pixels, a
 * caller-chosen text), so the claims core's duplicate rule never takes two test claims for the same receipt.
 */
final class Receipts {

    /** Width and height of the generated PNG images, in pixels. */
    static final int PNG_SIZE = 8;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final SecureRandom RANDOM = new SecureRandom();

    private Receipts() {
    }

    /** An 8 x 8 RGB PNG image of random pixels. */
    static byte[] png() {
        int rowBytes = 1 + PNG_SIZE * 3;
        byte[] scanlines = new byte[PNG_SIZE * rowBytes];
        for (int y = 0; y < PNG_SIZE; y++) {
            byte[] pixels = new byte[PNG_SIZE * 3];
            RANDOM.nextBytes(pixels);
            scanlines[y * rowBytes] = 0; // filter type "none"
            System.arraycopy(pixels, 0, scanlines, y * rowBytes + 1, pixels.length);
        }
        ByteBuffer header = ByteBuffer.allocate(13)
                .putInt(PNG_SIZE).putInt(PNG_SIZE)
                .put((byte) 8)  // bit depth
                .put((byte) 2)  // colour type: truecolour
                .put((byte) 0)  // compression: deflate
                .put((byte) 0)  // filter method
                .put((byte) 0); // no interlace
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PNG_SIGNATURE);
        pngChunk(out, "IHDR", header.array());
        pngChunk(out, "IDAT", deflate(scanlines));
        pngChunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A one-page PDF showing the text (plain ASCII letters, digits and spaces). */
    static byte[] pdf(String text) {
        if (!text.matches("[A-Za-z0-9 .:-]*")) {
            throw new IllegalArgumentException("Keep the receipt text to plain ASCII: " + text);
        }
        String content = "BT /F1 12 Tf 20 50 Td (" + text + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Lower-case hex SHA-256, as the claims core stores it. */
    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pngChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
