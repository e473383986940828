package org.partnerfinance.documents.ui.internal.finance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Roles, routes and small lookups shared by the finance screens. */
final class Finance {

    private static final Logger LOG = LoggerFactory.getLogger(Finance.class);

    static final String EXTENSION_ID = "finance";
    static final String EXTENSION_NAME = "Finance screens";

    static final String AGING = "finance/aging";
    static final String OVERDUE = "finance/overdue";
    static final String DSO = "finance/dso";
    static final String PAYABLES = "finance/payables";
    static final String DISPUTES = "finance/disputes";
    static final String PAYMENTS_TO_CONFIRM = "finance/payments-to-confirm";
    static final String RECONCILIATION = "finance/reconciliation";

    /** The documents screens a finance row links to (partner screens of this bundle, open to finance as well). */
    static final String DOCUMENT_DETAIL = "documents/detail?id=";
    static final String STATEMENT = "statement";

    private Finance() {
    }

    /** Whether the caller decides disputes (the dispute service's rule). */
    static boolean decidesDisputes(Caller caller) {
        return caller.has(Role.FINANCE_MANAGER);
    }

    /** Whether the caller works collections and confirms payments (finance staff). */
    static boolean isFinanceStaff(Caller caller) {
        return caller.hasAny(Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER);
    }

    static String statementLink(String partnerId, String currency) {
        return STATEMENT + "?partner=" + partnerId + (currency == null ? "" : "&currency=" + currency);
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }

    /** The partners the caller may see; empty (and logged) when the partner service fails. */
    static List<Partner> partners(PartnerService partners, Caller caller) {
        try {
            return partners.list(caller);
        } catch (RuntimeException e) {
            LOG.warn("Reading partners for a finance screen failed", e);
            return List.of();
        }
    }

    /** Every currency some partner may be invoiced in, alphabetically. */
    static List<String> currencies(List<Partner> partners) {
        Set<String> codes = new TreeSet<>();
        for (Partner p : partners) {
            p.allowedCurrencies().forEach(c -> codes.add(c.getCurrencyCode()));
        }
        return List.copyOf(codes);
    }

    /**
     * The currency to start with: the one asked for (a link from a widget) when it is offered, else the one most partners
     * keep their statements in (alphabetically first on a tie); {@code null} without partners.
     */
    static String initialCurrency(List<Partner> partners, String asked) {
        List<String> offered = currencies(partners);
        if (asked != null && offered.contains(asked)) {
            return asked;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Partner p : partners) {
            counts.merge(p.defaultCurrency().getCurrencyCode(), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).findFirst().orElse(offered.isEmpty() ? null : offered.get(0));
    }
}
