package org.partnerfinance.documents.export.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * A4 pages written top to bottom with one embedded Unicode font. The standard 14 PDF fonts know only WinAnsi (no
 * Polish, Greek, Cyrillic, ...): partner names and line descriptions come in any script, so the PDFs embed Liberation
 * Sans (SIL Open Font License), the font PDFBox ships for the same purpose, as a subset. A character that font has
 * no glyph for (e.g. Chinese) is printed as {@value #MISSING}: the PDF says honestly that something is not shown
 * rather than failing or silently dropping it. Headings are the same font drawn with a stroke (no second font file).
 */
final class PdfPages implements AutoCloseable {

    static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    static final char MISSING = '?';

    static final float MARGIN = 50;
    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float RIGHT = WIDTH - MARGIN;

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private final String footer;
    private PDPageContentStream content;
    private int pageNumber;
    /** Baseline of the next line. */
    private float y;

    PdfPages(String title, String footer) {
        this.footer = footer;
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's font " + FONT_RESOURCE + " is missing");
            }
            font = PDType0Font.load(document, in, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the PDF font", e);
        }
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(printable(title));
        info.setCreator("Partner Finance Portal");
        newPage();
    }

    /** The text with every character the font cannot show replaced by {@value #MISSING}. */
    String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
            } else if (glyphs.computeIfAbsent(cp, this::canShow)) {
                out.appendCodePoint(cp);
            } else {
                out.append(MISSING);
            }
        });
        return out.toString();
    }

    private boolean canShow(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    float width(String text, float size) {
        try {
            return font.getStringWidth(printable(text)) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    float y() {
        return y;
    }

    /** Moves down; starts a new page when fewer than {@code needed} points are left above the footer. */
    void down(float points, float needed) {
        y -= points;
        if (y - needed < MARGIN + 20) {
            newPage();
        }
    }

    void down(float points) {
        down(points, 0);
    }

    /** Whether {@code points} more fit on this page. */
    boolean fits(float points) {
        return y - points >= MARGIN + 20;
    }

    void newPage() {
        try {
            if (content != null) {
                writeFooter();
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            pageNumber++;
            y = HEIGHT - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeFooter() throws IOException {
        String text = footer + " · page " + pageNumber;
        draw(MARGIN, MARGIN - 10, text, 8, false);
    }

    void text(float x, String text, float size) {
        draw(x, y, text, size, false);
    }

    void bold(float x, String text, float size) {
        draw(x, y, text, size, true);
    }

    /** Text ending at {@code right} (amounts in columns). */
    void rightAligned(float right, String text, float size) {
        draw(right - width(text, size), y, text, size, false);
    }

    void boldRightAligned(float right, String text, float size) {
        draw(right - width(text, size), y, text, size, true);
    }

    /** Text cut to fit {@code maxWidth}, with an ellipsis when it was cut. */
    void clipped(float x, String text, float size, float maxWidth) {
        String shown = printable(text);
        if (width(shown, size) > maxWidth) {
            while (!shown.isEmpty() && width(shown + "…", size) > maxWidth) {
                shown = shown.substring(0, shown.length() - 1);
            }
            shown = shown + "…";
        }
        draw(x, y, shown, size, false);
    }

    void rule(float thickness) {
        try {
            content.setLineWidth(thickness);
            content.moveTo(MARGIN, y);
            content.lineTo(RIGHT, y);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A filled rectangle in a grey level (0 black, 1 white), for bars. */
    void box(float x, float bottom, float w, float h, float grey) {
        try {
            content.setNonStrokingColor(grey, grey, grey);
            content.addRect(x, bottom, w, h);
            content.fill();
            content.setNonStrokingColor(0f, 0f, 0f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void draw(float x, float baseline, String text, float size, boolean bold) {
        try {
            content.beginText();
            content.setFont(font, size);
            if (bold) {
                content.setRenderingMode(RenderingMode.FILL_STROKE);
                content.setLineWidth(size / 30f);
            } else {
                content.setRenderingMode(RenderingMode.FILL);
            }
            content.newLineAtOffset(x, baseline);
            content.showText(printable(text));
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] toBytes() {
        try {
            writeFooter();
            content.close();
            content = null;
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the PDF", e);
        }
    }

    @Override
    public void close() {
        try {
            if (content != null) {
                content.close();
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
