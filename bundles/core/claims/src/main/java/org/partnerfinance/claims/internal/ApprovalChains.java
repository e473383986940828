package org.partnerfinance.claims.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.partnerfinance.security.api.Role;

/**
 * Which approval chain a submitted claim gets, by claim type and amount band, and how long each step may take.
 *
 * <p>Each band is written {@code <type>|<up to>|<role>,<role>...}: the claim type id or {@code *} for every type
 * without bands of its own, the highest amount in the ledger's base currency the band covers or {@code *} for any
 * amount above the other bands, and the roles that approve one after the other, e.g.
 * {@code *|1000|finance-reviewer; *|25000|finance-reviewer,finance-manager;
 * *|*|finance-manager,finance-manager} (bands separated by {@code ;}). Every group of bands needs a {@code *} band on top, so every amount has
 * a chain. A step's due time is counted from the moment it opens (submission, or approval of the step before).
 *
 * @param bands        the bands per type id ({@code *} for the default), lowest first, the open band last
 * @param stepTime     how long a step of each role may take
 * @param reminderLead how long before the due date the reminder goes out
 */
record ApprovalChains(Map<String, List<Band>> bands, Map<String, Duration> stepTime, Duration reminderLead) {

    static final String ANY = "*";

    /** Amounts up to {@code upTo} (no bound when {@code null}) go through the steps of {@code roles}, in order. */
    record Band(BigDecimal upTo, List<String> roles) {
        Band {
            roles = List.copyOf(roles);
        }
    }

    ApprovalChains {
        bands = Map.copyOf(bands);
        stepTime = Map.copyOf(stepTime);
    }

    static ApprovalChains of(ClaimsConfiguration config) {
        if (config.reviewerStepDays() < 1 || config.managerStepDays() < 1) {
            throw invalid("reviewerStepDays/managerStepDays", config.reviewerStepDays() + "/"
                    + config.managerStepDays(), "a step takes at least one day", null);
        }
        if (config.reminderHoursBeforeDue() < 0) {
            throw invalid("reminderHoursBeforeDue", Integer.toString(config.reminderHoursBeforeDue()),
                    "the lead time cannot be negative", null);
        }
        return new ApprovalChains(parse(config.approvalChains()),
                Map.of(Role.FINANCE_REVIEWER.id(), Duration.ofDays(config.reviewerStepDays()),
                        Role.FINANCE_MANAGER.id(), Duration.ofDays(config.managerStepDays())),
                Duration.ofHours(config.reminderHoursBeforeDue()));
    }

    /** Parses the bands; every mistake names the entry. */
    static Map<String, List<Band>> parse(String value) {
        String[] entries = value == null || value.isBlank() ? new String[0] : value.split(";");
        Map<String, List<Band>> byType = new TreeMap<>();
        for (String entry : entries) {
            String[] parts = entry.strip().split("\\|", -1);
            if (parts.length != 3) {
                throw invalid("approvalChains", entry, "write '<type>|<up to>|<role>,<role>', e.g. "
                        + "'*|25000|finance-reviewer,finance-manager'", null);
            }
            String type = parts[0].strip();
            if (type.isEmpty()) {
                throw invalid("approvalChains", entry, "the claim type is missing (use * for every type)", null);
            }
            BigDecimal upTo = null;
            if (!parts[1].strip().equals(ANY)) {
                try {
                    upTo = new BigDecimal(parts[1].strip());
                } catch (NumberFormatException e) {
                    throw invalid("approvalChains", entry, "'" + parts[1].strip() + "' is not an amount or *", e);
                }
                if (upTo.signum() <= 0) {
                    throw invalid("approvalChains", entry, "the band's upper amount must be above zero", null);
                }
            }
            List<String> roles = new ArrayList<>();
            for (String role : parts[2].split(",")) {
                String id = role.strip().toLowerCase(Locale.ROOT);
                if (!id.equals(Role.FINANCE_REVIEWER.id()) && !id.equals(Role.FINANCE_MANAGER.id())) {
                    throw invalid("approvalChains", entry, "'" + role.strip() + "' is not an approving role ("
                            + Role.FINANCE_REVIEWER.id() + " or " + Role.FINANCE_MANAGER.id() + ")", null);
                }
                roles.add(id);
            }
            byType.computeIfAbsent(type, t -> new ArrayList<>()).add(new Band(upTo, roles));
        }
        if (!byType.containsKey(ANY)) {
            throw invalid("approvalChains", value,
                    "bands for every claim type (*) are missing", null);
        }
        Map<String, List<Band>> sorted = new TreeMap<>();
        byType.forEach((type, list) -> {
            list.sort(Comparator.comparing(Band::upTo, Comparator.nullsLast(Comparator.naturalOrder())));
            long open = list.stream().filter(b -> b.upTo() == null).count();
            if (open != 1) {
                throw invalid("approvalChains", type, "the bands of " + type + " need exactly one band '" + type
                        + "|*|...' for the amounts above the others", null);
            }
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i).upTo() != null && list.get(i).upTo().compareTo(list.get(i - 1).upTo()) == 0) {
                    throw invalid("approvalChains", type, "two bands of " + type + " end at "
                            + list.get(i).upTo().toPlainString(), null);
                }
            }
            sorted.put(type, List.copyOf(list));
        });
        return sorted;
    }

    /** The roles of the steps for a claim of this type and amount in the base currency. */
    List<String> select(String typeId, BigDecimal baseAmount) {
        List<Band> list = bands.getOrDefault(typeId, bands.get(ANY));
        return list.stream().filter(b -> b.upTo() == null || baseAmount.compareTo(b.upTo()) <= 0).findFirst()
                .orElseThrow().roles();
    }

    /** The roles of the highest band of the type (the one above every amount). */
    List<String> strictest(String typeId) {
        List<Band> list = bands.getOrDefault(typeId, bands.get(ANY));
        return list.get(list.size() - 1).roles();
    }

    /** How long a step of this role may take. */
    Duration stepTime(String role) {
        return stepTime.getOrDefault(role, stepTime.get(Role.FINANCE_REVIEWER.id()));
    }

    private static IllegalArgumentException invalid(String name, String value, String why, Throwable cause) {
        return new IllegalArgumentException("Configuration " + ClaimServiceImpl.PID + ": " + name + " = '" + value
                + "': " + why + ".", cause);
    }
}
