package org.partnerfinance.demo.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Makes small but real receipt files for the demo claims: a one-page PDF with the receipt's text, and a PNG picture of
 * a till receipt. Each file depends on its input, so no two demo receipts are byte-identical.
 */
final class ReceiptFactory {

    private ReceiptFactory() {
    }

    /** A one-page PDF (Helvetica, A6-sized page) showing the given lines. Text is limited to printable ASCII. */
    static byte[] pdf(List<String> lines) {
        StringBuilder content = new StringBuilder("BT /F1 11 Tf 24 380 Td 14 TL\n");
        for (String line : lines) {
            content.append('(').append(pdfText(line)).append(") Tj T*\n");
        }
        content.append("ET\n");
        byte[] stream = content.toString().getBytes(StandardCharsets.US_ASCII);

        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 298 420] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length + " >>\nstream\n" + new String(stream, StandardCharsets.US_ASCII)
                        + "endstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 ").append(objects.size() + 1).append('\n');
        table.append("0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format(java.util.Locale.ROOT, "%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    private static String pdfText(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 32 && c < 127) {
                out.append(c);
            } else {
                out.append('?');
            }
        }
        return out.toString();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A PNG (8-bit RGB) of a till receipt: a white slip with grey "text" lines whose lengths follow {@code seed}, and a
     * dark total line.
     */
    static byte[] png(int width, int height, long seed) {
        if (width < 40 || height < 60) {
            throw new IllegalArgumentException("receipt image too small");
        }
        byte[] raw = new byte[height * (1 + width * 3)];
        long state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
        int lineHeight = 6;
        int gap = 8;
        int row = 0;
        for (int y = 0; y < height; y++) {
            int base = y * (1 + width * 3);
            raw[base] = 0; // filter: none
            int band = y / (lineHeight + gap);
            boolean inLine = y % (lineHeight + gap) < lineHeight && y > 12 && y < height - 12;
            if (band != row) {
                row = band;
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
            }
            boolean total = band == (height - 12) / (lineHeight + gap) - 1;
            int length = total ? width - 24 : 20 + (int) Math.floorMod(state, (long) (width - 44));
            for (int x = 0; x < width; x++) {
                int p = base + 1 + x * 3;
                int value = 255;
                if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
                    value = 190; // edge of the slip
                } else if (inLine && x >= 12 && x < 12 + length) {
                    value = total ? 40 : 150;
                }
                raw[p] = (byte) value;
                raw[p + 1] = (byte) value;
                raw[p + 2] = (byte) value;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
        ByteBuffer header = ByteBuffer.allocate(13);
        header.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", deflate(raw));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
