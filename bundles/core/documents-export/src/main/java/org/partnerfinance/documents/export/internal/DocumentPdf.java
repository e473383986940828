package org.partnerfinance.documents.export.internal;

import java.util.ArrayList;
import java.util.List;

import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentLine;
import org.partnerfinance.documents.api.TaxTotal;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PostalAddress;

/**
 * An invoice or credit note as a PDF: who issued it to whom (the company to the partner for receivables, the partner
 * to the company for payables), number and dates, the lines, the tax per category and rate, the totals, the due date
 * and where its payment stands ("Paid on …" only after a bank confirmation).
 */
final class DocumentPdf {

    private static final float SIZE = 10;
    private static final float ROW = 14;

    private DocumentPdf() {
    }

    static String title(Document document) {
        return (document.kind() == DocumentKind.INVOICE ? "Invoice" : "Credit note") + " " + document.number();
    }

    static byte[] render(Document document, Partner partner, String companyName) {
        try (PdfPages pdf = new PdfPages(title(document), title(document) + " · " + document.partnerName())) {
            pdf.bold(PdfPages.MARGIN, title(document), 18);
            pdf.down(18);
            pdf.text(PdfPages.MARGIN, document.direction() == Direction.RECEIVABLE
                    ? "Issued by " + companyName + " to the partner (receivable: the partner owes)"
                    : "Issued by the partner to " + companyName + " (payable: " + companyName + " owes)", SIZE);
            pdf.down(26);

            List<String> partnerBlock = partnerBlock(document, partner);
            List<String> companyBlock = List.of(companyName);
            boolean receivable = document.direction() == Direction.RECEIVABLE;
            List<String> from = receivable ? companyBlock : partnerBlock;
            List<String> to = receivable ? partnerBlock : companyBlock;
            float half = PdfPages.MARGIN + (PdfPages.RIGHT - PdfPages.MARGIN) / 2;
            pdf.bold(PdfPages.MARGIN, "From", SIZE);
            pdf.bold(half, "To", SIZE);
            pdf.down(ROW);
            for (int i = 0; i < Math.max(from.size(), to.size()); i++) {
                if (i < from.size()) {
                    pdf.clipped(PdfPages.MARGIN, from.get(i), SIZE, half - PdfPages.MARGIN - 10);
                }
                if (i < to.size()) {
                    pdf.clipped(half, to.get(i), SIZE, PdfPages.RIGHT - half);
                }
                pdf.down(ROW);
            }
            pdf.down(10);

            field(pdf, "Number", document.number());
            field(pdf, "Issue date", String.valueOf(document.issueDate()));
            field(pdf, "Due date", String.valueOf(document.dueDate()));
            field(pdf, "Currency", document.gross().currency().getCurrencyCode());
            if (document.sourceSystem() != null && !document.sourceSystem().isBlank()) {
                String ref = document.sourceReference() == null || document.sourceReference().isBlank() ? ""
                        : " " + document.sourceReference();
                field(pdf, "Source", document.sourceSystem() + ref);
            }
            pdf.down(12);

            lines(pdf, document);
            pdf.down(10, 6 * ROW);
            taxes(pdf, document);
            pdf.down(10, 5 * ROW);
            totals(pdf, document);
            pdf.down(16, 2 * ROW);
            pdf.bold(PdfPages.MARGIN, "Payment: " + document.settlement().label(), 11);
            pdf.down(ROW);
            pdf.text(PdfPages.MARGIN, "Status: " + words(document.status().name()) + (document.disputed()
                    ? " · a dispute is open" : ""), SIZE);
            return pdf.toBytes();
        }
    }

    static List<String> partnerBlock(Document document, Partner partner) {
        List<String> block = new ArrayList<>();
        block.add(partner != null ? partner.name() : document.partnerName());
        block.add("Partner id " + document.partnerId());
        if (partner != null) {
            if (!partner.vatId().isBlank()) {
                block.add("VAT id " + partner.vatId());
            }
            PostalAddress address = partner.address();
            if (address != null) {
                if (address.street() != null && !address.street().isBlank()) {
                    for (String line : address.street().split("\n")) {
                        block.add(line.strip());
                    }
                }
                String city = join(address.postalCode(), address.city());
                if (!city.isBlank()) {
                    block.add(city);
                }
                if (address.countryCode() != null && !address.countryCode().isBlank()) {
                    block.add(address.countryCode());
                }
            }
        }
        return block;
    }

    private static String join(String a, String b) {
        return ((a == null ? "" : a.strip()) + " " + (b == null ? "" : b.strip())).strip();
    }

    private static void field(PdfPages pdf, String label, String value) {
        pdf.text(PdfPages.MARGIN, label, SIZE);
        pdf.text(PdfPages.MARGIN + 90, value, SIZE);
        pdf.down(ROW);
    }

    // columns of the lines table: right edges of the numeric columns
    private static final float COL_NO = PdfPages.MARGIN;
    private static final float COL_DESC = PdfPages.MARGIN + 22;
    private static final float COL_QTY_R = 330;
    private static final float COL_PRICE_R = 400;
    private static final float COL_TAX_R = 450;
    private static final float COL_NET_R = PdfPages.RIGHT;

    private static void lines(PdfPages pdf, Document document) {
        lineHeader(pdf);
        for (DocumentLine line : document.lines()) {
            if (!pdf.fits(ROW)) {
                pdf.newPage();
                lineHeader(pdf);
            }
            pdf.text(COL_NO, String.valueOf(line.lineNo()), SIZE);
            pdf.clipped(COL_DESC, line.description(), SIZE, COL_QTY_R - 50 - COL_DESC);
            pdf.rightAligned(COL_QTY_R, Amounts.number(line.quantity()), SIZE);
            pdf.rightAligned(COL_PRICE_R, Amounts.number(line.unitPrice()), SIZE);
            pdf.rightAligned(COL_TAX_R, line.taxCategory() + " " + Amounts.number(line.taxRate()) + "%", SIZE);
            pdf.rightAligned(COL_NET_R, Amounts.grouped(line.net()), SIZE);
            pdf.down(ROW);
        }
    }

    private static void lineHeader(PdfPages pdf) {
        pdf.bold(COL_NO, "#", SIZE);
        pdf.bold(COL_DESC, "Description", SIZE);
        pdf.boldRightAligned(COL_QTY_R, "Quantity", SIZE);
        pdf.boldRightAligned(COL_PRICE_R, "Unit price", SIZE);
        pdf.boldRightAligned(COL_TAX_R, "Tax", SIZE);
        pdf.boldRightAligned(COL_NET_R, "Net", SIZE);
        pdf.down(5);
        pdf.rule(0.5f);
        pdf.down(ROW - 2);
    }

    private static void taxes(PdfPages pdf, Document document) {
        pdf.bold(PdfPages.MARGIN, "Tax breakdown", SIZE);
        pdf.boldRightAligned(COL_PRICE_R, "Taxable", SIZE);
        pdf.boldRightAligned(COL_NET_R, "Tax", SIZE);
        pdf.down(ROW);
        for (TaxTotal tax : document.taxes()) {
            pdf.text(PdfPages.MARGIN, tax.category() + " " + Amounts.number(tax.rate()) + "%", SIZE);
            pdf.rightAligned(COL_PRICE_R, Amounts.grouped(tax.taxable()), SIZE);
            pdf.rightAligned(COL_NET_R, Amounts.grouped(tax.tax()), SIZE);
            pdf.down(ROW, ROW);
        }
    }

    private static void totals(PdfPages pdf, Document document) {
        total(pdf, "Net total", Amounts.withCurrency(document.net()), false);
        total(pdf, "Tax total", Amounts.withCurrency(document.tax()), false);
        total(pdf, document.kind() == DocumentKind.INVOICE ? "Total due" : "Total credited",
                Amounts.withCurrency(document.gross()), true);
        total(pdf, document.kind() == DocumentKind.INVOICE ? "Open" : "Not yet applied",
                Amounts.withCurrency(document.open()), false);
    }

    private static void total(PdfPages pdf, String label, String value, boolean bold) {
        if (bold) {
            pdf.bold(COL_PRICE_R - 60, label, SIZE + 1);
            pdf.boldRightAligned(COL_NET_R, value, SIZE + 1);
        } else {
            pdf.text(COL_PRICE_R - 60, label, SIZE);
            pdf.rightAligned(COL_NET_R, value, SIZE);
        }
        pdf.down(ROW);
    }

    static String words(String constant) {
        String text = constant.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
