package org.partnerfinance.claims.internal;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * How much a finance reviewer and a finance manager may approve, per currency. A limit is compared with the eligible
 * amount in the claim's own currency (no conversion); a currency without a limit cannot be approved by that role,
 * unless the role is configured {@code unlimited}. A caller with both roles gets the higher limit.
 *
 * <p>Configuration format of each role (see {@link ClaimsConfiguration}): {@code unlimited}, or comma-separated
 * pairs of an ISO 4217 code and an amount, e.g. {@code EUR 10000, USD 11000, JPY 1500000}; empty means the role
 * approves nothing.
 */
record ApprovalLimits(RoleLimit reviewer, RoleLimit manager, Map<String, RoleLimit> users) {

    static final String UNLIMITED = "unlimited";

    ApprovalLimits {
        users = Map.copyOf(users);
    }

    /** Role limits only, no personal limits. */
    ApprovalLimits(RoleLimit reviewer, RoleLimit manager) {
        this(reviewer, manager, Map.of());
    }

    /** The limits of one role: unlimited, or one highest amount per currency. */
    record RoleLimit(boolean unlimited, Map<Currency, BigDecimal> perCurrency) {

        RoleLimit {
            perCurrency = Map.copyOf(perCurrency);
        }

        /** The highest amount in a currency; empty when the role has no limit configured in it. */
        Optional<BigDecimal> in(Currency currency) {
            return Optional.ofNullable(perCurrency.get(currency));
        }

        String currencies() {
            return perCurrency.keySet().stream().map(Currency::getCurrencyCode).sorted()
                    .collect(Collectors.joining(", "));
        }
    }

    /** The result of looking up a caller's limit in one currency. */
    sealed interface Limit {
        /** Approves any amount. */
        record Unlimited() implements Limit {
        }

        record UpTo(BigDecimal amount) implements Limit {
        }

        /** The caller's roles approve, but not in this currency. */
        record NotInCurrency(String configured) implements Limit {
        }
    }

    static ApprovalLimits of(ClaimsConfiguration config) {
        return new ApprovalLimits(parse("reviewerApprovalLimits", config.reviewerApprovalLimits()),
                parse("managerApprovalLimits", config.managerApprovalLimits()),
                parseUsers(config.userApprovalLimits()));
    }

    /** Personal limits: entries {@code <username>: <limits as for a role>}, separated by {@code ;}. */
    static Map<String, RoleLimit> parseUsers(String value) {
        Map<String, RoleLimit> users = new TreeMap<>();
        String[] entries = value == null || value.isBlank() ? new String[0] : value.split(";");
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            String user = colon < 0 ? "" : entry.substring(0, colon).strip();
            if (user.isEmpty()) {
                throw invalid("userApprovalLimits", entry, "write '<username>: EUR 5000, USD 5500' or"
                        + " '<username>: unlimited'", null);
            }
            if (users.put(user, parse("userApprovalLimits", entry.substring(colon + 1))) != null) {
                throw invalid("userApprovalLimits", entry, user + " is given twice", null);
            }
        }
        return users;
    }

    /** Parses one role's limits; every mistake names the setting and the entry. */
    static RoleLimit parse(String name, String value) {
        String text = value == null ? "" : value.strip();
        if (text.equalsIgnoreCase(UNLIMITED)) {
            return new RoleLimit(true, Map.of());
        }
        Map<Currency, BigDecimal> limits = new TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode));
        if (text.isEmpty()) {
            return new RoleLimit(false, limits);
        }
        for (String entry : text.split(",", -1)) {
            String[] parts = entry.strip().split("\\s+");
            if (parts.length != 2) {
                throw invalid(name, value, "'" + entry.strip() + "' is not a currency and an amount like 'EUR 10000'",
                        null);
            }
            Currency currency;
            try {
                currency = Money.currency(parts[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(name, value, e.getMessage(), e);
            }
            BigDecimal limit;
            try {
                limit = new BigDecimal(parts[1]);
            } catch (NumberFormatException e) {
                throw invalid(name, value, "'" + parts[1] + "' is not an amount of zero or more", e);
            }
            if (limit.signum() < 0) {
                throw invalid(name, value, "'" + parts[1] + "' is not an amount of zero or more", null);
            }
            // bounded like any amount of money (checked without arithmetic): 1E+1000000000 is a typo, not a policy
            if (limit.signum() > 0 && (long) limit.precision() - limit.scale() > Money.MAX_INTEGER_DIGITS) {
                throw invalid(name, value, "'" + parts[1] + "' has more than " + Money.MAX_INTEGER_DIGITS
                        + " digits before the decimal point", null);
            }
            if (limits.put(currency, limit) != null) {
                throw invalid(name, value, currency.getCurrencyCode() + " is given twice", null);
            }
        }
        return new RoleLimit(false, limits);
    }

    private static IllegalArgumentException invalid(String name, String value, String why, Throwable cause) {
        return new IllegalArgumentException("Configuration " + ClaimServiceImpl.PID + ": " + name + " = '" + value
                + "': " + why + ". Write 'unlimited' or pairs like 'EUR 10000, USD 11000'.", cause);
    }

    /** The caller's limit in a currency; empty for callers who approve nothing. */
    Optional<Limit> limitFor(Caller caller, Currency currency) {
        Optional<Limit> limit = Optional.empty();
        if (caller.has(Role.FINANCE_REVIEWER)) {
            limit = Optional.of(lookup(reviewer, currency));
        }
        if (caller.has(Role.FINANCE_MANAGER)) {
            Limit managers = lookup(manager, currency);
            limit = Optional.of(limit.map(l -> higher(l, managers)).orElse(managers));
        }
        return limit;
    }

    private static Limit lookup(RoleLimit role, Currency currency) {
        if (role.unlimited()) {
            return new Limit.Unlimited();
        }
        return role.in(currency).<Limit>map(Limit.UpTo::new).orElseGet(() -> new Limit.NotInCurrency(role.currencies()));
    }

    private static Limit higher(Limit a, Limit b) {
        if (a instanceof Limit.Unlimited || b instanceof Limit.Unlimited) {
            return new Limit.Unlimited();
        }
        if (a instanceof Limit.UpTo x && b instanceof Limit.UpTo y) {
            return x.amount().compareTo(y.amount()) >= 0 ? x : y;
        }
        if (a instanceof Limit.NotInCurrency x && b instanceof Limit.NotInCurrency y) {
            return new Limit.NotInCurrency(merge(x.configured(), y.configured()));
        }
        return a instanceof Limit.UpTo ? a : b;
    }

    private static String merge(String a, String b) {
        return java.util.stream.Stream.of(a.split(", "), b.split(", ")).flatMap(java.util.Arrays::stream)
                .filter(s -> !s.isEmpty()).distinct().sorted().collect(Collectors.joining(", "));
    }

    /** @throws AccessDeniedException when the caller may not approve the eligible amount in its currency */
    void requireWithin(Caller caller, Money eligible) {
        String code = eligible.currency().getCurrencyCode();
        Limit limit = limitFor(caller, eligible.currency())
                .orElseThrow(() -> new AccessDeniedException("Only finance staff can approve claims."));
        if (limit instanceof Limit.NotInCurrency none) {
            throw new AccessDeniedException("You cannot approve claims in " + code + ": your role has no approval"
                    + " limit in " + code + (none.configured().isEmpty() ? "" : " (only in " + none.configured() + ")")
                    + ". Someone with an approval limit in " + code + " has to approve this claim.");
        }
        if (limit instanceof Limit.UpTo upTo && eligible.amount().compareTo(upTo.amount()) > 0) {
            // the limit is printed as configured: it may have more decimals than the claim's currency
            throw new AccessDeniedException("The eligible amount " + eligible.format()
                    + " is above your approval limit of " + code + " " + upTo.amount().toPlainString()
                    + "; someone with a higher limit, e.g. a finance manager, has to approve this claim.");
        }
        RoleLimit personal = users.get(caller.username());
        if (personal != null && !personal.unlimited()) {
            Optional<BigDecimal> own = personal.in(eligible.currency());
            if (own.isEmpty() || eligible.amount().compareTo(own.get()) > 0) {
                throw new AccessDeniedException("The amount " + eligible.format() + " is above your personal"
                        + " approval limit" + own.map(a -> " of " + code + " " + a.toPlainString())
                                .orElse(" (none in " + code + ")")
                        + "; someone with a higher limit has to approve this claim.");
            }
        }
    }
}
