package org.partnerfinance.documents.export.internal;

import java.math.BigDecimal;
import java.util.List;

import org.partnerfinance.documents.api.Statement;
import org.partnerfinance.documents.api.StatementLine;
import org.partnerfinance.partner.api.Partner;

/**
 * A statement of account as a PDF: the partner, the currency and the period, the opening balance, every movement with
 * its running balance, the closing balance and its aging, each bucket with a bar proportional to its share.
 */
final class StatementPdf {

    private static final float SIZE = 9;
    private static final float ROW = 13;

    private static final float COL_DATE = PdfPages.MARGIN;
    private static final float COL_KIND = PdfPages.MARGIN + 62;
    private static final float COL_NUMBER = PdfPages.MARGIN + 170;
    private static final float COL_DEBIT_R = 380;
    private static final float COL_CREDIT_R = 460;
    private static final float COL_BALANCE_R = PdfPages.RIGHT;

    private StatementPdf() {
    }

    static String title(Statement statement) {
        return "Statement of account " + statement.partnerName() + " " + statement.currency() + " as of "
                + statement.asOf();
    }

    static byte[] render(Statement statement, Partner partner, String companyName) {
        String currency = statement.currency();
        String name = partner != null ? partner.name() : statement.partnerName();
        try (PdfPages pdf = new PdfPages(title(statement), "Statement of account · " + name + " · " + currency
                + " · as of " + statement.asOf())) {
            pdf.bold(PdfPages.MARGIN, "Statement of account", 18);
            pdf.down(22);
            pdf.bold(PdfPages.MARGIN, name, 12);
            pdf.down(15);
            pdf.text(PdfPages.MARGIN, "Partner id " + statement.partnerId()
                    + (partner != null && !partner.vatId().isBlank() ? " · VAT id " + partner.vatId() : ""), SIZE);
            pdf.down(ROW);
            pdf.text(PdfPages.MARGIN, "Issued by " + companyName + " · currency " + currency + " · movements from "
                    + statement.from() + " to " + statement.asOf(), SIZE);
            pdf.down(ROW);
            pdf.text(PdfPages.MARGIN, "Positive balances: the partner owes " + companyName
                    + "; negative: " + companyName + " owes the partner.", SIZE);
            pdf.down(22);

            header(pdf);
            row(pdf, String.valueOf(statement.from()), "Opening balance", "", null, null, statement.opening(),
                    currency, true);
            for (StatementLine line : statement.lines()) {
                if (!pdf.fits(ROW)) {
                    pdf.newPage();
                    header(pdf);
                }
                row(pdf, String.valueOf(line.date()), kind(line), line.number(), line.debit(), line.credit(),
                        line.balance(), currency, false);
            }
            if (!pdf.fits(ROW)) {
                pdf.newPage();
                header(pdf);
            }
            row(pdf, String.valueOf(statement.asOf()), "Closing balance", "", null, null, statement.closing(),
                    currency, true);

            pdf.down(16, 11 * ROW);
            aging(pdf, statement);
            return pdf.toBytes();
        }
    }

    static String kind(StatementLine line) {
        String kind = switch (line.kind()) {
            case "invoice" -> "Invoice";
            case "credit-note" -> "Credit note";
            case "payment-received" -> "Payment received";
            case "payment-sent" -> "Payment sent";
            default -> line.kind();
        };
        return line.direction() == null ? kind : kind + " (" + line.direction().id() + ")";
    }

    private static void header(PdfPages pdf) {
        pdf.bold(COL_DATE, "Date", SIZE);
        pdf.bold(COL_KIND, "Movement", SIZE);
        pdf.bold(COL_NUMBER, "Number", SIZE);
        pdf.boldRightAligned(COL_DEBIT_R, "Debit", SIZE);
        pdf.boldRightAligned(COL_CREDIT_R, "Credit", SIZE);
        pdf.boldRightAligned(COL_BALANCE_R, "Balance", SIZE);
        pdf.down(5);
        pdf.rule(0.5f);
        pdf.down(ROW - 2);
    }

    private static void row(PdfPages pdf, String date, String kind, String number, BigDecimal debit,
            BigDecimal credit, BigDecimal balance, String currency, boolean bold) {
        pdf.text(COL_DATE, date, SIZE);
        if (bold) {
            pdf.bold(COL_KIND, kind, SIZE);
        } else {
            pdf.clipped(COL_KIND, kind, SIZE, COL_NUMBER - COL_KIND - 6);
        }
        pdf.clipped(COL_NUMBER, number, SIZE, COL_DEBIT_R - 70 - COL_NUMBER);
        pdf.rightAligned(COL_DEBIT_R, nonZero(debit, currency), SIZE);
        pdf.rightAligned(COL_CREDIT_R, nonZero(credit, currency), SIZE);
        if (bold) {
            pdf.boldRightAligned(COL_BALANCE_R, Amounts.grouped(balance, currency), SIZE);
        } else {
            pdf.rightAligned(COL_BALANCE_R, Amounts.grouped(balance, currency), SIZE);
        }
        pdf.down(ROW);
    }

    private static String nonZero(BigDecimal amount, String currency) {
        return amount == null || amount.signum() == 0 ? "" : Amounts.grouped(amount, currency);
    }

    private static void aging(PdfPages pdf, Statement statement) {
        String currency = statement.currency();
        pdf.bold(PdfPages.MARGIN, "Aging of the closing balance (" + currency + ")", 11);
        pdf.down(ROW + 4);
        List<StatementCsv.Bucket> buckets = StatementCsv.buckets(statement.aging());
        BigDecimal max = buckets.stream().map(b -> b.amount().abs()).reduce(BigDecimal.ZERO, BigDecimal::max);
        float barLeft = PdfPages.MARGIN + 100;
        float barRoom = 250;
        for (StatementCsv.Bucket bucket : buckets) {
            pdf.text(PdfPages.MARGIN, bucket.label(), SIZE);
            if (max.signum() > 0 && bucket.amount().signum() != 0) {
                float length = Math.max(1f, bucket.amount().abs().floatValue() / max.floatValue() * barRoom);
                pdf.box(barLeft, pdf.y() - 1, length, 8, bucket.amount().signum() < 0 ? 0.75f : 0.45f);
            }
            pdf.rightAligned(COL_BALANCE_R, Amounts.grouped(bucket.amount(), currency), SIZE);
            pdf.down(ROW);
        }
        pdf.rule(0.5f);
        pdf.down(ROW - 2);
        pdf.bold(PdfPages.MARGIN, "Total (closing balance)", SIZE);
        pdf.boldRightAligned(COL_BALANCE_R, Amounts.grouped(statement.aging().total(), currency), SIZE);
        pdf.down(ROW);
        pdf.text(PdfPages.MARGIN, "of which overdue", SIZE);
        pdf.rightAligned(COL_BALANCE_R, Amounts.grouped(statement.aging().overdue(), currency), SIZE);
    }
}
