package org.partnerfinance.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;
import org.partnerfinance.demo.internal.DemoHistory.Confirm;
import org.partnerfinance.demo.internal.DemoHistory.Decide;
import org.partnerfinance.demo.internal.DemoHistory.Issue;
import org.partnerfinance.demo.internal.DemoHistory.OpenDispute;
import org.partnerfinance.demo.internal.DemoHistory.Pay;
import org.partnerfinance.demo.internal.DemoHistory.Share;
import org.partnerfinance.demo.internal.DemoHistory.Step;
import org.partnerfinance.demo.internal.DemoPartners.Profile;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DisputeSubject;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.PaymentStatus;

/**
 * The demo's finance history is deterministic, relative to today and consistent: what a step names exists before it,
 * and it shows everything the demo should show (three currencies, payments in every state, disputes ending every way).
 */
public class DemoHistoryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 18);

    private final Map<String, List<Step>> plan = DemoHistory.plan(TODAY);

    @Test
    public void theSameDayGivesTheSameHistory() {
        assertEquals(plan, DemoHistory.plan(TODAY));
    }

    @Test
    public void theHistoryMovesWithTheCalendar() {
        LocalDate later = TODAY.plusDays(100);
        Issue first = firstIssue(DemoHistory.plan(later).get("P-1001"));
        Issue before = firstIssue(plan.get("P-1001"));
        assertTrue(first.date() + " vs " + before.date(), first.date().isAfter(before.date().plusDays(60)));
    }

    @Test
    public void twentyPartnersInThreeCurrenciesIncludingTheDemoUsersPartners() {
        assertEquals(20, DemoPartners.ALL.size());
        assertEquals(Set.of("EUR", "USD", "GBP"),
                DemoPartners.ALL.stream().map(Profile::currency).collect(Collectors.toSet()));
        Profile northwind = DemoPartners.ALL.get(0);
        Profile contoso = DemoPartners.ALL.get(1);
        assertEquals(DemoPlan.PARTNERS.get(0).id(), northwind.id());
        assertEquals(DemoPlan.PARTNERS.get(0).name(), northwind.name());
        assertEquals(DemoPlan.PARTNERS.get(0).currency().getCurrencyCode(), northwind.currency());
        assertEquals(DemoPlan.PARTNERS.get(1).name(), contoso.name());
        assertEquals(DemoPartners.ALL.size(), DemoPartners.ALL.stream().map(Profile::id).distinct().count());
        assertEquals(List.copyOf(plan.keySet()), DemoPartners.ALL.stream().map(Profile::id).toList());
    }

    @Test
    public void twoYearsOfDocumentsNoneInTheFuture() {
        List<Issue> issues = all(Issue.class);
        LocalDate oldest = issues.stream().map(Issue::date).min(LocalDate::compareTo).orElseThrow();
        assertTrue("oldest " + oldest, oldest.isBefore(TODAY.minusMonths(DemoHistory.MONTHS - 1L)));
        assertTrue(issues.stream().noneMatch(i -> i.date().isAfter(TODAY)));
        assertTrue("recent invoices make a current bucket",
                issues.stream().anyMatch(i -> i.date().isAfter(TODAY.minusDays(20))));
        for (Direction direction : Direction.values()) {
            for (DocumentKind kind : DocumentKind.values()) {
                assertTrue(direction + " " + kind, issues.stream()
                        .anyMatch(i -> i.direction() == direction && i.kind() == kind));
            }
        }
        assertTrue("documents: " + issues.size(), issues.size() > 300);
    }

    @Test
    public void numbersAreUniquePerPartnerAndDirectionAndNamedOnlyOnceIssued() {
        for (Map.Entry<String, List<Step>> partner : plan.entrySet()) {
            Set<String> issued = new HashSet<>();
            Map<String, Pay> payments = new HashMap<>();
            Set<String> disputed = new HashSet<>();
            LocalDate previous = LocalDate.MIN;
            for (Step step : partner.getValue()) {
                assertFalse(partner.getKey() + ": steps out of date order", step.date().isBefore(previous));
                previous = step.date();
                if (step instanceof Issue issue) {
                    assertTrue(partner.getKey() + " numbers " + issue.number() + " twice",
                            issued.add(issue.direction() + issue.number()));
                    assertFalse(issue.lines().isEmpty());
                    if (issue.creditedNumber() != null) {
                        assertTrue(issue.number(), issued.contains(issue.direction() + issue.creditedNumber()));
                    }
                } else if (step instanceof Pay pay) {
                    for (Share share : pay.shares()) {
                        assertTrue(pay + " before its invoice", issued.contains(pay.direction() + share.number()));
                    }
                    assertNotNull(pay.endToEndId());
                    assertEquals(pay.toString(), pay.status() == PaymentStatus.CONFIRMED, pay.bankReference() != null);
                    assertTrue("end-to-end id twice: " + pay.endToEndId(),
                            payments.put(pay.endToEndId(), pay) == null);
                    assertEquals(pay.toString(), pay.status() == PaymentStatus.SCHEDULED, pay.date().isAfter(TODAY));
                } else if (step instanceof Confirm confirm) {
                    Pay reported = payments.get(confirm.endToEndId());
                    assertNotNull("confirms nothing: " + confirm, reported);
                    assertEquals(PaymentStatus.REPORTED, reported.status());
                    assertTrue(confirm.date().isAfter(reported.date()));
                    assertFalse("bank booking in the future", confirm.date().isAfter(TODAY));
                } else if (step instanceof OpenDispute open) {
                    assertTrue(issued.contains(Direction.RECEIVABLE + open.number()));
                    disputed.add(open.number());
                } else if (step instanceof Decide decide) {
                    assertTrue(disputed.contains(decide.number()));
                }
            }
        }
    }

    @Test
    public void paymentsInEveryStateSomePartialSomeRoundedUpSomeConfirmedLater() {
        List<Pay> payments = all(Pay.class);
        // SENT is not recorded: a payment becomes SENT only when finance puts it in a payment order (pain.001)
        assertEquals(EnumSet.complementOf(EnumSet.of(PaymentStatus.SENT)),
                payments.stream().map(Pay::status).collect(Collectors.toCollection(() -> EnumSet.noneOf(PaymentStatus.class))));
        assertTrue(payments.stream().anyMatch(p -> p.shares().get(0).fraction().compareTo(java.math.BigDecimal.ONE) < 0));
        assertTrue(payments.stream().anyMatch(Pay::roundUp));
        assertTrue(payments.stream().anyMatch(p -> p.direction() == Direction.PAYABLE
                && p.status() == PaymentStatus.SCHEDULED));
        assertTrue(payments.stream().anyMatch(p -> DemoHistory.ERP.equals(p.sourceSystem())
                && p.status() == PaymentStatus.REPORTED));
        assertFalse(all(Confirm.class).isEmpty());
        Set<String> confirmed = all(Confirm.class).stream().map(Confirm::endToEndId).collect(Collectors.toSet());
        assertTrue("a payment reported long ago and never confirmed by the bank", payments.stream()
                .anyMatch(p -> p.status() == PaymentStatus.REPORTED && !confirmed.contains(p.endToEndId())
                        && p.date().isBefore(TODAY.minusDays(30))));
    }

    @Test
    public void disputesOpenAcceptedPartlyAcceptedAndRejectedByTheDemoUsers() {
        List<OpenDispute> opened = all(OpenDispute.class);
        List<Decide> decided = all(Decide.class);
        assertEquals(EnumSet.allOf(DisputeSubject.class), opened.stream().map(OpenDispute::subject)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DisputeSubject.class))));
        assertTrue(opened.size() > decided.size());
        assertTrue(decided.stream().anyMatch(d -> d.acceptFraction() == null));
        assertTrue(decided.stream().anyMatch(d -> d.acceptFraction() != null
                && d.acceptFraction().compareTo(java.math.BigDecimal.ONE) == 0));
        assertTrue(decided.stream().anyMatch(d -> d.acceptFraction() != null
                && d.acceptFraction().compareTo(java.math.BigDecimal.ONE) < 0));
        Set<String> demoUsers = DemoPlan.USERS.stream().map(DemoPlan.DemoUser::username).collect(Collectors.toSet());
        assertTrue(opened.stream().allMatch(o -> demoUsers.contains(o.user())));
        assertTrue(decided.stream().allMatch(d -> demoUsers.contains(d.user())));
    }

    @Test
    public void everyDocumentCurrencyHasARateFromBeforeTheFirstPosting() {
        String csv = DemoRateHistory.csv(TODAY, DemoHistory.MONTHS, Currency.getInstance("EUR"));
        List<String> lines = csv.lines().toList();
        assertEquals("date,currency,rate", lines.get(0));
        LocalDate oldest = all(Issue.class).stream().map(Issue::date).min(LocalDate::compareTo).orElseThrow();
        for (String currency : List.of("USD", "GBP", "CHF", "SEK", "NOK")) {
            List<String[]> rates = lines.stream().skip(1).map(l -> l.split(",")).filter(f -> f[1].equals(currency))
                    .toList();
            assertFalse(currency, rates.isEmpty());
            assertFalse(currency, LocalDate.parse(rates.get(0)[0]).isAfter(oldest));
            assertEquals(currency, TODAY, LocalDate.parse(rates.get(rates.size() - 1)[0]));
            assertTrue(rates.stream().allMatch(f -> new java.math.BigDecimal(f[2]).signum() > 0));
        }
        assertTrue(lines.stream().noneMatch(l -> l.contains(",EUR,")));
        String inUsd = DemoRateHistory.csv(TODAY, DemoHistory.MONTHS, Currency.getInstance("USD"));
        assertTrue(inUsd.contains(",EUR,"));
        assertFalse(inUsd.contains(",USD,"));
    }

    private static Issue firstIssue(List<Step> steps) {
        return steps.stream().filter(Issue.class::isInstance).map(Issue.class::cast).findFirst().orElseThrow();
    }

    private <T extends Step> List<T> all(Class<T> type) {
        return plan.values().stream().flatMap(List::stream).filter(type::isInstance).map(type::cast).toList();
    }
}
