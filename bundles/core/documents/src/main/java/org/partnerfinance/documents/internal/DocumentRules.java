package org.partnerfinance.documents.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.partnerfinance.documents.api.DocumentLine;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.DocumentValidationException;
import org.partnerfinance.documents.api.LineDraft;
import org.partnerfinance.documents.api.TaxTotal;
import org.partnerfinance.ledger.api.Money;

/**
 * The rules of a document's amounts, as pure functions: line net = quantity × unit price rounded half-even to the
 * currency's minor unit; tax per (category, rate) over the whole document (EN 16931: taxable base × rate / 100, rounded
 * half-even once per group, not per line, so a long invoice does not collect rounding differences); gross = net + tax.
 */
final class DocumentRules {

    /** UNCL 5305 tax categories the portal accepts. */
    static final Set<String> CATEGORIES = Set.of("S", "Z", "E", "AE", "K", "G", "O", "L", "M");
    /** Categories that carry a rate above zero: standard rate and the Canary Islands / Ceuta and Melilla taxes. */
    static final Set<String> RATED = Set.of("S", "L", "M");

    static final int MAX_LINES = 1000;
    static final int MAX_DESCRIPTION = 500;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_RATE = BigDecimal.valueOf(100);
    /** Digits before the decimal point of quantities and unit prices (DECIMAL(19,6) columns). */
    private static final int MAX_INTEGER_DIGITS = 13;

    private DocumentRules() {
    }

    /** Lines, tax groups and totals of a document. */
    record Totals(List<DocumentLine> lines, List<TaxTotal> taxes, Money net, Money tax, Money gross) {
    }

    /** The duplicate key of a document number or end-to-end reference: trimmed, upper case. */
    static String numberKey(String number) {
        return number.strip().toUpperCase(Locale.ROOT);
    }

    static DocumentStatus statusOf(BigDecimal gross, BigDecimal open) {
        if (open.signum() == 0) {
            return DocumentStatus.SETTLED;
        }
        return open.compareTo(gross) == 0 ? DocumentStatus.OPEN : DocumentStatus.PARTIALLY_SETTLED;
    }

    /**
     * Computes a document's lines and totals.
     *
     * @throws DocumentValidationException naming the field ({@code lines[2].taxRate}, ...) of the first problem
     */
    static Totals totals(List<LineDraft> drafts, Currency currency) {
        if (drafts == null || drafts.isEmpty()) {
            throw new DocumentValidationException("lines", "A document needs at least one line.");
        }
        if (drafts.size() > MAX_LINES) {
            throw new DocumentValidationException("lines", "A document has at most " + MAX_LINES + " lines.");
        }
        List<DocumentLine> lines = new ArrayList<>(drafts.size());
        Map<String, BigDecimal> groups = new LinkedHashMap<>();
        BigDecimal net = BigDecimal.ZERO;
        int lineNo = 0;
        for (LineDraft d : drafts) {
            lineNo++;
            String field = "lines[" + (lineNo - 1) + "]";
            if (d == null) {
                throw new DocumentValidationException(field, "Line " + lineNo + " is empty.");
            }
            String description = d.description() == null ? "" : d.description().strip();
            if (description.isEmpty()) {
                throw new DocumentValidationException(field + ".description", "Line " + lineNo + " needs a description.");
            }
            if (description.length() > MAX_DESCRIPTION) {
                throw new DocumentValidationException(field + ".description", "The description of line " + lineNo
                        + " has more than " + MAX_DESCRIPTION + " characters.");
            }
            BigDecimal quantity = requireDecimal(d.quantity(), field + ".quantity", "quantity", lineNo);
            if (quantity.signum() == 0) {
                throw new DocumentValidationException(field + ".quantity", "The quantity of line " + lineNo
                        + " cannot be zero.");
            }
            BigDecimal unitPrice = requireDecimal(d.unitPrice(), field + ".unitPrice", "unit price", lineNo);
            String category = d.taxCategory() == null ? "" : d.taxCategory().strip().toUpperCase(Locale.ROOT);
            if (!CATEGORIES.contains(category)) {
                throw new DocumentValidationException(field + ".taxCategory", "The tax category of line " + lineNo
                        + " is one of S, Z, E, AE, K, G, O, L, M (UNCL 5305).");
            }
            BigDecimal rate = d.taxRate() == null ? BigDecimal.ZERO : d.taxRate();
            if (rate.signum() < 0 || rate.compareTo(MAX_RATE) > 0 || rate.stripTrailingZeros().scale() > 4) {
                throw new DocumentValidationException(field + ".taxRate", "The tax rate of line " + lineNo
                        + " is a percentage from 0 to 100 with at most 4 decimals.");
            }
            if (rate.signum() > 0 && !RATED.contains(category)) {
                throw new DocumentValidationException(field + ".taxRate", "Line " + lineNo + " has tax category "
                        + category + ", which has no tax rate: use 0, or category S for taxed lines.");
            }
            if (rate.signum() == 0 && category.equals("S")) {
                throw new DocumentValidationException(field + ".taxRate", "Line " + lineNo
                        + " has the standard rate category S without a rate; zero-rated lines use category Z.");
            }
            rate = normalise(rate);
            String account = d.account() == null || d.account().isBlank() ? null : d.account().strip();
            if (account != null && !account.matches("[0-9A-Za-z.-]{1,10}")) {
                throw new DocumentValidationException(field + ".account", "The account of line " + lineNo
                        + " is an account code of at most 10 letters or digits.");
            }
            Money lineNet;
            try {
                lineNet = Money.rounded(quantity.multiply(unitPrice), currency, RoundingMode.HALF_EVEN);
            } catch (IllegalArgumentException e) {
                throw new DocumentValidationException(field, "Line " + lineNo + ": " + e.getMessage());
            }
            lines.add(new DocumentLine(lineNo, description, normalise(quantity), normalise(unitPrice), category,
                    rate, lineNet, account));
            net = net.add(lineNet.amount());
            groups.merge(category + "|" + rate.toPlainString(), lineNet.amount(), BigDecimal::add);
        }
        List<TaxTotal> taxes = new ArrayList<>(groups.size());
        BigDecimal tax = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> group : groups.entrySet()) {
            String[] key = group.getKey().split("\\|");
            BigDecimal rate = new BigDecimal(key[1]);
            BigDecimal taxable = group.getValue();
            Money groupTax = taxOf(taxable, rate, currency);
            taxes.add(new TaxTotal(key[0], rate, new Money(taxable, currency), groupTax));
            tax = tax.add(groupTax.amount());
        }
        Money netMoney = checked(net, currency);
        Money taxMoney = checked(tax, currency);
        Money gross = checked(net.add(tax), currency);
        return new Totals(lines, taxes, netMoney, taxMoney, gross);
    }

    /** Tax of a taxable base at a percentage, rounded half-even to the currency. */
    static Money taxOf(BigDecimal taxable, BigDecimal rate, Currency currency) {
        return Money.rounded(taxable.multiply(rate).divide(HUNDRED), currency, RoundingMode.HALF_EVEN);
    }

    private static Money checked(BigDecimal amount, Currency currency) {
        try {
            return new Money(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new DocumentValidationException("lines", e.getMessage());
        }
    }

    private static BigDecimal requireDecimal(BigDecimal value, String field, String what, int lineNo) {
        if (value == null) {
            throw new DocumentValidationException(field, "Line " + lineNo + " needs a " + what + ".");
        }
        if (value.signum() != 0 && (long) value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new DocumentValidationException(field, "The " + what + " of line " + lineNo + " is too large.");
        }
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 6) {
            throw new DocumentValidationException(field, "The " + what + " of line " + lineNo
                    + " has more than 6 decimals.");
        }
        return value;
    }

    /** Scale-normalised decimals: what goes in comes back equal (19 and 19.0000 are the same rate). */
    static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Lower-cased text the list search looks in: number, source reference and line descriptions. */
    static String searchText(String number, String sourceReference, List<DocumentLine> lines) {
        StringBuilder text = new StringBuilder(number).append(' ').append(sourceReference);
        for (DocumentLine line : lines) {
            if (text.length() > 3900) {
                break;
            }
            text.append(' ').append(line.description());
        }
        String lower = text.toString().toLowerCase(Locale.ROOT);
        return lower.length() > 4000 ? lower.substring(0, 4000) : lower;
    }
}
