package org.partnerfinance.connector.peppol.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.LineDraft;

/**
 * Turns a read UBL document into the portal's {@link DocumentDraft}, or refuses it with a reason people can act on.
 *
 * <p>The partner: the supplier party's identifiers are looked up first (a partner that invoices the company: a
 * payable), then the customer party's (the company invoices the partner: a receivable).
 *
 * <p>The document model has lines and no document level allowances or charges: each allowance becomes a line of
 * quantity 1 and a negative unit price, each charge a line with a positive one, in the allowance's or charge's tax
 * category and rate, so that tax per category and the totals stay those of the UBL document. A line whose net is not
 * quantity × unit price (a price per base quantity that does not divide, line level allowances or charges) keeps its
 * net as one unit and names quantity and price in its description. An invoice with a negative total (a Peppol
 * correction invoice) becomes a credit note of the same amounts.
 *
 * <p>Every total the document states is checked against its lines before anything is handed over: line nets, the sums
 * of BG-22, the VAT breakdown per category and rate, and the amount due. A prepaid amount or a rounding amount cannot
 * be held by the document model (its open amount is its gross), so such a document is refused rather than imported
 * with a different amount due.
 */
final class DraftMapper {

    /** The refusal of one document, with the reason shown in the run's report. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String reason) {
            super(reason);
        }
    }

    /** A partner found for one of the identifiers. */
    record Found(String partnerId, String identifier) {
    }

    private final Function<String, Optional<String>> partnerByIdentifier;
    private final boolean applyCreditNotes;
    private final String sourceSystem;

    /**
     * @param partnerByIdentifier the partner id for a Peppol id ({@code scheme:value}) or VAT id, if there is one
     */
    DraftMapper(Function<String, Optional<String>> partnerByIdentifier, boolean applyCreditNotes,
            String sourceSystem) {
        this.partnerByIdentifier = partnerByIdentifier;
        this.applyCreditNotes = applyCreditNotes;
        this.sourceSystem = sourceSystem;
    }

    /** The document's identity in Peppol: the supplier's first identifier, the document type and its number. */
    static String externalId(UblDocument d) {
        String supplier = d.supplier().identifiers().isEmpty() ? "(no supplier id)"
                : d.supplier().identifiers().get(0);
        return supplier + "/" + (d.creditNote() ? "credit-note" : "invoice") + "/" + d.number();
    }

    DocumentDraft toDraft(UblDocument d) throws Refusal {
        if (d.number() == null || d.number().isBlank()) {
            throw new Refusal("The document has no number (cbc:ID).");
        }
        if (d.issueDate() == null) {
            throw new Refusal("The document has no issue date.");
        }
        Currency currency = currency(d.currency());
        Optional<Found> supplier = find(d.supplier());
        Optional<Found> customer = find(d.customer());
        Direction direction;
        String partnerId;
        if (supplier.isPresent() && customer.isPresent()
                && !supplier.get().partnerId().equals(customer.get().partnerId())) {
            throw new Refusal("Both parties are partners: supplier " + supplier.get().identifier() + " is partner "
                    + supplier.get().partnerId() + ", customer " + customer.get().identifier() + " is partner "
                    + customer.get().partnerId() + "; the portal cannot tell which way the document goes.");
        } else if (supplier.isPresent()) {
            direction = Direction.PAYABLE;
            partnerId = supplier.get().partnerId();
        } else if (customer.isPresent()) {
            direction = Direction.RECEIVABLE;
            partnerId = customer.get().partnerId();
        } else {
            throw new Refusal("No partner has the supplier's identifiers " + shown(d.supplier())
                    + " or the customer's " + shown(d.customer())
                    + " (a partner's Peppol id is scheme:value, e.g. 0088:5790000436057, or its VAT id).");
        }

        int scale = currency.getDefaultFractionDigits() < 0 ? 2 : currency.getDefaultFractionDigits();
        List<LineDraft> lines = new ArrayList<>();
        Map<String, BigDecimal> groups = new LinkedHashMap<>();
        BigDecimal lineSum = BigDecimal.ZERO;
        for (UblDocument.Line l : d.lines()) {
            lines.add(line(l, scale));
            lineSum = lineSum.add(l.net());
            group(groups, l.taxCategory(), l.taxRate(), l.net(), "Line " + l.id());
        }
        if (lines.isEmpty()) {
            throw new Refusal("The document has no lines.");
        }
        BigDecimal allowances = BigDecimal.ZERO;
        BigDecimal charges = BigDecimal.ZERO;
        for (UblDocument.AllowanceCharge ac : d.allowanceCharges()) {
            String what = ac.charge() ? "Charge" : "Allowance";
            String category = category(ac.taxCategory(), what);
            BigDecimal rate = rate(ac.taxRate());
            String reason = ac.reason() == null || ac.reason().isBlank() ? "" : ": " + ac.reason();
            lines.add(new LineDraft(what + reason, BigDecimal.ONE, ac.charge() ? ac.amount() : ac.amount().negate(),
                    category, rate));
            if (ac.charge()) {
                charges = charges.add(ac.amount());
            } else {
                allowances = allowances.add(ac.amount());
            }
            group(groups, ac.taxCategory(), ac.taxRate(), ac.charge() ? ac.amount() : ac.amount().negate(), what);
        }

        UblDocument.Totals t = d.totals();
        same("The sum of the line amounts", lineSum, "LineExtensionAmount", t.lineExtension());
        same("The sum of the document level allowances", allowances, "AllowanceTotalAmount", t.allowanceTotal());
        same("The sum of the document level charges", charges, "ChargeTotalAmount", t.chargeTotal());
        same("The line amounts less allowances plus charges", lineSum.subtract(allowances).add(charges),
                "TaxExclusiveAmount", t.taxExclusive());
        BigDecimal tax = checkBreakdown(d, groups, scale);
        same("The amount without tax plus the tax total", t.taxExclusive().add(tax), "TaxInclusiveAmount",
                t.taxInclusive());
        same("The amount with tax less the prepaid amount plus rounding",
                t.taxInclusive().subtract(t.prepaid()).add(t.rounding()), "PayableAmount", t.payable());
        if (t.prepaid().signum() != 0) {
            throw new Refusal("The document states a prepaid amount of " + plain(t.prepaid()) + "; the portal keeps "
                    + "the whole gross as the amount due and would show " + plain(t.taxInclusive()) + " instead of "
                    + plain(t.payable()) + ". Record the prepayment as a payment and import it without one.");
        }
        if (t.rounding().signum() != 0) {
            throw new Refusal("The document states a rounding amount of " + plain(t.rounding()) + " (amount due "
                    + plain(t.payable()) + "); the portal's documents hold no rounding amount.");
        }

        DocumentKind kind = d.creditNote() ? DocumentKind.CREDIT_NOTE : DocumentKind.INVOICE;
        BigDecimal gross = t.taxInclusive();
        if (!d.creditNote() && gross.signum() < 0) {
            // a negative invoice corrects an earlier one: in the portal the kind carries the sign
            kind = DocumentKind.CREDIT_NOTE;
            gross = gross.negate();
            lines = lines.stream().map(l -> new LineDraft(l.description(), l.quantity().negate(), l.unitPrice(),
                    l.taxCategory(), l.taxRate())).toList();
        }
        String credited = kind == DocumentKind.CREDIT_NOTE && applyCreditNotes ? d.billingReference() : null;
        String reference = d.paymentId() != null && d.paymentId().length() <= 100 ? d.paymentId() : "";
        return new DocumentDraft(partnerId, direction, kind, d.number(), d.issueDate(),
                kind == DocumentKind.INVOICE ? d.dueDate() : null, currency.getCurrencyCode(), lines, gross,
                credited, sourceSystem, reference);
    }

    private Optional<Found> find(UblDocument.Party party) {
        for (String id : party.identifiers()) {
            Optional<String> partner = partnerByIdentifier.apply(id);
            if (partner.isPresent()) {
                return Optional.of(new Found(partner.get(), id));
            }
        }
        return Optional.empty();
    }

    private static String shown(UblDocument.Party p) {
        String ids = p.identifiers().isEmpty() ? "(none)" : String.join(", ", p.identifiers());
        return p.name() == null ? ids : ids + " (" + p.name() + ")";
    }

    private static Currency currency(String code) throws Refusal {
        try {
            return Currency.getInstance(code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refusal("The document currency \"" + code + "\" is not an ISO 4217 code.");
        }
    }

    /**
     * A line as the document model holds it: quantity × unit price when that gives the stated net, else the net as
     * one unit with the quantity and price in the description.
     */
    private static LineDraft line(UblDocument.Line l, int scale) throws Refusal {
        String where = "Line " + l.id();
        String category = category(l.taxCategory(), where);
        BigDecimal rate = rate(l.taxRate());
        String text = l.name() != null && !l.name().isBlank() ? l.name()
                : l.description() != null && !l.description().isBlank() ? l.description() : where;
        if (l.priceAmount() == null) {
            throw new Refusal(where + " has no price.");
        }
        BigDecimal base = l.baseQuantity() == null || l.baseQuantity().signum() == 0 ? BigDecimal.ONE
                : l.baseQuantity();
        BigDecimal expected = l.quantity().multiply(l.priceAmount())
                .divide(base, scale + 4, RoundingMode.HALF_EVEN).setScale(scale, RoundingMode.HALF_EVEN)
                .add(l.lineCharges()).subtract(l.lineAllowances());
        if (expected.compareTo(l.net()) != 0) {
            throw new Refusal(where + ": its net amount " + plain(l.net()) + " is not quantity "
                    + plain(l.quantity()) + " × price " + plain(l.priceAmount())
                    + (base.compareTo(BigDecimal.ONE) == 0 ? "" : " per " + plain(base))
                    + (l.lineAllowances().signum() == 0 ? "" : " − allowances " + plain(l.lineAllowances()))
                    + (l.lineCharges().signum() == 0 ? "" : " + charges " + plain(l.lineCharges()))
                    + " = " + plain(expected) + ".");
        }
        if (l.quantity().signum() == 0) {
            throw new Refusal(where + " has quantity zero.");
        }
        boolean simple = base.compareTo(BigDecimal.ONE) == 0 && l.lineAllowances().signum() == 0
                && l.lineCharges().signum() == 0;
        if (simple) {
            return new LineDraft(text, l.quantity(), l.priceAmount(), category, rate);
        }
        String detail = " (" + plain(l.quantity()) + (l.unitCode() == null ? "" : " " + l.unitCode()) + " × "
                + plain(l.priceAmount()) + (base.compareTo(BigDecimal.ONE) == 0 ? "" : " per " + plain(base))
                + (l.lineAllowances().signum() == 0 ? "" : ", allowances " + plain(l.lineAllowances()))
                + (l.lineCharges().signum() == 0 ? "" : ", charges " + plain(l.lineCharges())) + ")";
        return new LineDraft(text + detail, BigDecimal.ONE, l.net(), category, rate);
    }

    private static String category(String code, String where) throws Refusal {
        if (code == null || code.isBlank()) {
            throw new Refusal(where + " has no tax category.");
        }
        return code.strip().toUpperCase(Locale.ROOT);
    }

    /** The rate as stated (0 for categories without one: the document model refuses a rate on E, Z, AE, ...). */
    private static BigDecimal rate(BigDecimal rate) {
        return rate == null ? BigDecimal.ZERO : rate.stripTrailingZeros();
    }

    private static void group(Map<String, BigDecimal> groups, String category, BigDecimal rate, BigDecimal amount,
            String where) throws Refusal {
        groups.merge(key(category(category, where), rate), amount, BigDecimal::add);
    }

    private static String key(String category, BigDecimal rate) {
        return category.toUpperCase(Locale.ROOT) + " " + plain(rate == null ? BigDecimal.ZERO : rate);
    }

    /** Checks the VAT breakdown against the lines, allowances and charges; answers the tax total. */
    private static BigDecimal checkBreakdown(UblDocument d, Map<String, BigDecimal> groups, int scale)
            throws Refusal {
        Map<String, UblDocument.TaxSubtotal> stated = new LinkedHashMap<>();
        BigDecimal tax = BigDecimal.ZERO;
        for (UblDocument.TaxSubtotal s : d.taxSubtotals()) {
            String key = key(category(s.taxCategory(), "A VAT breakdown"), s.taxRate());
            if (stated.put(key, s) != null) {
                throw new Refusal("The VAT breakdown names category " + key + " % twice.");
            }
            BigDecimal computed = groups.get(key);
            if (computed == null) {
                throw new Refusal("The VAT breakdown names category " + key + " %, which no line, allowance or "
                        + "charge has.");
            }
            same("The taxable amount of category " + key + " %", computed, "its TaxableAmount", s.taxable());
            BigDecimal rate = s.taxRate() == null ? BigDecimal.ZERO : s.taxRate();
            BigDecimal expected = s.taxable().multiply(rate).divide(BigDecimal.valueOf(100), scale,
                    RoundingMode.HALF_EVEN);
            same("The tax of category " + key + " % (" + plain(s.taxable()) + " × " + plain(rate) + " %)", expected,
                    "its TaxAmount", s.tax());
            tax = tax.add(s.tax());
        }
        for (String key : groups.keySet()) {
            if (!stated.containsKey(key)) {
                throw new Refusal("The VAT breakdown has no entry for category " + key
                        + " %, which lines, allowances or charges use.");
            }
        }
        if (d.taxTotal() == null) {
            throw new Refusal("The document has no tax total in its currency " + d.currency() + ".");
        }
        same("The sum of the VAT breakdown", tax, "TaxTotal/TaxAmount", d.taxTotal());
        return tax;
    }

    private static void same(String what, BigDecimal computed, String field, BigDecimal stated) throws Refusal {
        if (computed.compareTo(stated) != 0) {
            throw new Refusal("The totals do not add up: " + what + " is " + plain(computed) + " but " + field
                    + " says " + plain(stated) + ".");
        }
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().scale() < 0 ? v.setScale(0).toPlainString()
                : v.stripTrailingZeros().toPlainString();
    }
}
