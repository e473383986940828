package org.partnerfinance.demo.internal;

import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.partnerfinance.claims.api.RejectionReason;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.security.api.Role;

/** What the demo installation contains. */
final class DemoPlan {

    /** Password of every demo user: published (README, log), long enough for the password policy. */
    static final String PASSWORD = "partner-finance-demo";
    static final String EXPENSE_TYPE = "expense";

    /** @param allowed currencies the partner may claim in besides its own */
    record DemoPartner(String id, String name, PartnerKind kind, Currency currency, Set<Currency> allowed) {
    }

    private static Set<Currency> currencies(String... codes) {
        return Arrays.stream(codes).map(Currency::getInstance).collect(Collectors.toUnmodifiableSet());
    }

    record DemoUser(String username, String displayName, Role role, String partnerId) {
        String describe() {
            return role.id() + (partnerId == null ? "" : " of " + partnerId);
        }
    }

    /** What happens to a sample claim: every state of a claim's lifecycle is shown by one of them. */
    enum Outcome { LEAVE_DRAFT, LEAVE_SUBMITTED, APPROVE, REJECT, PAY }

    /**
     * A sample expense claim.
     *
     * @param daysAgo     expense date relative to today
     * @param receiptKind {@code pdf} or {@code png}
     */
    record DemoClaim(String submitter, String partnerId, int daysAgo, String category, String merchant,
            String description, String amount, String currency, String receiptKind, Outcome outcome,
            RejectionReason reason, String comment) {

        /** The bank reference of a paid claim's payment. */
        String paymentReference() {
            return "BK-CLAIM-" + Math.abs((merchant + amount + daysAgo).hashCode());
        }
    }

    static final List<DemoPartner> PARTNERS = List.of(
            new DemoPartner("P-1001", "Northwind Distribution", PartnerKind.DISTRIBUTOR, Currency.getInstance("EUR"),
                    currencies("USD", "GBP", "CHF", "SEK")),
            new DemoPartner("P-1002", "Contoso Resellers", PartnerKind.RESELLER, Currency.getInstance("USD"),
                    currencies("EUR", "NOK")));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("partner", "Paula Novak", Role.PARTNER_USER, "P-1001"),
            new DemoUser("partner2", "Carlos Reyes", Role.PARTNER_USER, "P-1002"),
            new DemoUser("partneradmin", "Nora West", Role.PARTNER_ADMIN, "P-1001"),
            new DemoUser("reviewer", "Rita Berger", Role.FINANCE_REVIEWER, null),
            new DemoUser("manager", "Max Lindqvist", Role.FINANCE_MANAGER, null),
            new DemoUser("admin", "Ada Admin", Role.ADMINISTRATOR, null),
            new DemoUser("integrator", "Ian Fischer", Role.INTEGRATOR, null));

    /** The finance user who decides on the sample claims that are not left in the review queue. */
    static final String DECIDER = "reviewer";

    /** The finance manager who pays approved sample claims (not the one who approved them). */
    static final String PAYER = "manager";

    static final List<DemoClaim> CLAIMS = List.of(
            new DemoClaim("partner", "P-1001", 12, "travel", "City Cabs", "Taxi to the Northwind partner summit",
                    "84.60", "EUR", "pdf", Outcome.LEAVE_SUBMITTED, null, null),
            new DemoClaim("partner", "P-1001", 20, "meals", "Trattoria Roma",
                    "Dinner with the reseller sales team after the product training", "162.40", "EUR", "png",
                    Outcome.APPROVE, null, "Within the meals policy."),
            new DemoClaim("partner", "P-1001", 34, "marketing-materials", "PrintWorks",
                    "Printed brochures for the spring trade fair", "1250.00", "EUR", "pdf", Outcome.REJECT,
                    RejectionReason.WRONG_AMOUNT, "The receipt shows EUR 1,150.00; please resubmit with that amount."),
            new DemoClaim("partner", "P-1001", 2, "travel", "Rail Europe",
                    "Train tickets to the Lyon distributor workshop", "212.90", "EUR", "pdf", Outcome.LEAVE_DRAFT,
                    null, null),
            new DemoClaim("partner", "P-1001", 48, "meals", "Fischmarkt Bistro",
                    "Lunch with the Hamburg reseller network after the quarterly review", "98.50", "EUR", "png",
                    Outcome.PAY, null, "Within the meals policy."),
            new DemoClaim("partner2", "P-1002", 5, "accommodation", "Harbor Hotel",
                    "Two nights for the certification training", "389.00", "USD", "pdf", Outcome.LEAVE_SUBMITTED,
                    null, null),
            new DemoClaim("partner2", "P-1002", 3, "events", "Regional IT Fair", "Booth fee, regional IT fair",
                    "900.00", "USD", "png", Outcome.LEAVE_SUBMITTED, null, null));

    /** A partner administrator is also a partner user of the same organisation. */
    static Set<Role> roles(DemoUser user) {
        return user.role() == Role.PARTNER_ADMIN ? Set.of(Role.PARTNER_USER, Role.PARTNER_ADMIN) : Set.of(user.role());
    }

    private DemoPlan() {
    }
}
