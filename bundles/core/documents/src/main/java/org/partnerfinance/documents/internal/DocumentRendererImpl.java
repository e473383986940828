package org.partnerfinance.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.osgi.service.component.annotations.Component;
import org.partnerfinance.documents.api.Aging;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentLine;
import org.partnerfinance.documents.api.DocumentRenderer;
import org.partnerfinance.documents.api.Statement;
import org.partnerfinance.documents.api.StatementLine;
import org.partnerfinance.documents.api.TaxTotal;
import org.partnerfinance.partner.api.Partner;

/**
 * PDF (Apache PDFBox, A4, the standard Helvetica fonts) and CSV (Apache Commons CSV, RFC 4180, UTF-8) renderings of
 * documents and statements. Reads nothing: it renders what the caller was already allowed to read.
 */
@Component(service = DocumentRenderer.class)
public class DocumentRendererImpl implements DocumentRenderer {

    static final List<String> CSV_HEADER = List.of("date", "kind", "direction", "number", "debit", "credit",
            "balance");

    @Override
    public byte[] documentPdf(Document d, Partner partner) {
        try (Pdf pdf = new Pdf()) {
            String title = (d.kind() == DocumentKind.INVOICE ? "Invoice " : "Credit note ") + d.number();
            pdf.text(title, 16, true);
            pdf.gap(6);
            pdf.text((d.direction().id().equals("receivable") ? "To: " : "From: ") + partner.name() + " ("
                    + partner.id() + ")", 10, false);
            if (!partner.vatId().isBlank()) {
                pdf.text("VAT id: " + partner.vatId(), 10, false);
            }
            String address = String.join(", ", List.of(partner.address().street(), partner.address().postalCode()
                    + " " + partner.address().city(), partner.address().countryCode())).replaceAll("(, )+", ", ")
                    .replaceAll("^, |, $", "").strip();
            if (!address.isBlank() && !address.equals(",")) {
                pdf.text(address, 10, false);
            }
            pdf.gap(6);
            pdf.text("Issue date: " + d.issueDate() + "    Due date: " + d.dueDate() + "    Currency: "
                    + d.gross().currency().getCurrencyCode(), 10, false);
            pdf.text("Status: " + d.settlement().label() + (d.disputed() ? " (disputed)" : ""), 10, false);
            pdf.gap(10);
            pdf.row(new float[] {30, 230, 60, 80, 45, 80}, true, "#", "Description", "Quantity", "Unit price", "Tax",
                    "Net");
            for (DocumentLine l : d.lines()) {
                pdf.row(new float[] {30, 230, 60, 80, 45, 80}, false, Integer.toString(l.lineNo()), l.description(),
                        l.quantity().toPlainString(), l.unitPrice().toPlainString(), l.taxCategory() + " "
                                + l.taxRate().toPlainString() + "%", l.net().amount().toPlainString());
            }
            pdf.gap(10);
            for (TaxTotal t : d.taxes()) {
                pdf.text("Tax " + t.category() + " " + t.rate().toPlainString() + "% on "
                        + t.taxable().amount().toPlainString() + ": " + t.tax().amount().toPlainString(), 10, false);
            }
            pdf.gap(6);
            pdf.text("Net " + d.net().format(), 10, false);
            pdf.text("Tax " + d.tax().format(), 10, false);
            pdf.text("Total " + d.gross().format(), 12, true);
            pdf.text("Open " + d.open().format(), 10, false);
            return pdf.bytes();
        }
    }

    @Override
    public byte[] statementPdf(Statement s, Partner partner) {
        try (Pdf pdf = new Pdf()) {
            pdf.text("Statement of account", 16, true);
            pdf.gap(6);
            pdf.text(partner.name() + " (" + partner.id() + ")", 10, false);
            pdf.text("Currency " + s.currency() + ", " + s.from() + " to " + s.asOf()
                    + "; positive balances: the partner owes the company", 10, false);
            pdf.gap(8);
            float[] widths = {70, 95, 70, 110, 70, 70, 75};
            pdf.row(widths, true, "Date", "Kind", "Side", "Number", "Debit", "Credit", "Balance");
            pdf.row(widths, false, s.from().toString(), "opening", "", "", "", "", s.opening().toPlainString());
            for (StatementLine l : s.lines()) {
                pdf.row(widths, false, l.date().toString(), l.kind(), l.direction().id(), l.number(),
                        blankIfZero(l.debit()), blankIfZero(l.credit()), l.balance().toPlainString());
            }
            pdf.row(widths, true, s.asOf().toString(), "closing", "", "", "", "", s.closing().toPlainString());
            pdf.gap(10);
            pdf.text("Aging as of " + s.asOf(), 12, true);
            Aging a = s.aging();
            float[] agingWidths = {80, 70, 70, 70, 70, 70, 70};
            pdf.row(agingWidths, true, "Unapplied", "Current", "1-30", "31-60", "61-90", "91-120", "120+");
            pdf.row(agingWidths, false, a.unapplied().toPlainString(), a.current().toPlainString(),
                    a.days1to30().toPlainString(), a.days31to60().toPlainString(), a.days61to90().toPlainString(),
                    a.days91to120().toPlainString(), a.over120().toPlainString());
            return pdf.bytes();
        }
    }

    private static String blankIfZero(BigDecimal value) {
        return value.signum() == 0 ? "" : value.toPlainString();
    }

    /**
     * Header {@code date,kind,direction,number,debit,credit,balance}; an {@code opening} row, the movements, a
     * {@code closing} row, then one {@code aging} row per bucket (bucket name as number, amount as balance).
     */
    @Override
    public byte[] statementCsv(Statement s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                        .setHeader(CSV_HEADER.toArray(new String[0])).build())) {
            csv.printRecord(s.from(), "opening", "", "", "", "", s.opening().toPlainString());
            for (StatementLine l : s.lines()) {
                csv.printRecord(l.date(), l.kind(), l.direction().id(), l.number(), l.debit().toPlainString(),
                        l.credit().toPlainString(), l.balance().toPlainString());
            }
            csv.printRecord(s.asOf(), "closing", "", "", "", "", s.closing().toPlainString());
            Aging a = s.aging();
            String[] names = {"unapplied", "current", "1-30", "31-60", "61-90", "91-120", "120+"};
            BigDecimal[] values = {a.unapplied(), a.current(), a.days1to30(), a.days31to60(), a.days61to90(),
                a.days91to120(), a.over120()};
            for (int i = 0; i < names.length; i++) {
                csv.printRecord(s.asOf(), "aging", "", names[i], "", "", values[i].toPlainString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A simple flowing A4 writer: lines of text and table rows, a new page when one is full. */
    private static final class Pdf implements AutoCloseable {
        private static final float MARGIN = 40;
        private final PDDocument document = new PDDocument();
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private PDPageContentStream stream;
        private float y;

        Pdf() {
            newPage();
        }

        private void newPage() {
            try {
                if (stream != null) {
                    stream.close();
                }
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                stream = new PDPageContentStream(document, page);
                y = PDRectangle.A4.getHeight() - MARGIN;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void gap(float points) {
            y -= points;
        }

        void text(String text, float size, boolean isBold) {
            row(new float[] {PDRectangle.A4.getWidth() - 2 * MARGIN}, isBold, size, text);
        }

        void row(float[] widths, boolean isBold, String... cells) {
            row(widths, isBold, 9, cells);
        }

        private void row(float[] widths, boolean isBold, float size, String... cells) {
            if (y < MARGIN + size * 2) {
                newPage();
            }
            y -= size * 1.4f;
            PDType1Font font = isBold ? bold : regular;
            try {
                float x = MARGIN;
                for (int i = 0; i < cells.length; i++) {
                    String cell = fit(printable(font, cells[i] == null ? "" : cells[i]), font, size, widths[i] - 4);
                    stream.beginText();
                    stream.setFont(font, size);
                    stream.newLineAtOffset(x, y);
                    stream.showText(cell);
                    stream.endText();
                    x += widths[i];
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The text with every character the standard font cannot show replaced by {@code ?}. */
        private static String printable(PDType1Font font, String text) {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c)) {
                    out.append(' ');
                    continue;
                }
                try {
                    font.encode(String.valueOf(c));
                    out.append(c);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            }
            return out.toString();
        }

        private static String fit(String text, PDType1Font font, float size, float width) throws IOException {
            if (font.getStringWidth(text) / 1000 * size <= width) {
                return text;
            }
            String cut = text;
            while (!cut.isEmpty() && font.getStringWidth(cut + "...") / 1000 * size > width) {
                cut = cut.substring(0, cut.length() - 1);
            }
            return cut + "...";
        }

        byte[] bytes() {
            try {
                stream.close();
                stream = null;
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                if (stream != null) {
                    stream.close();
                }
                document.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
