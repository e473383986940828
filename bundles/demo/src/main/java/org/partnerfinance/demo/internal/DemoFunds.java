package org.partnerfinance.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.funds.api.Budget;
import org.partnerfinance.funds.api.FundAllocation;
import org.partnerfinance.funds.api.FundProgram;
import org.partnerfinance.funds.api.FundService;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo funds: a market development funds programme with the current half-year's budget, allocations to the demo
 * partners and a few reservations in every state, so the funds screens show something. Created once: when any
 * programme exists nothing is created (an administrator's changes stay). The demo partners are created by
 * {@link DemoData} on its own thread: until they exist this waits, checking again every few seconds.
 */
@Component(immediate = true)
public class DemoFunds {

    static final String PROGRAM = "MDF";
    static final long RETRY_SECONDS = 5;
    static final int MAX_ATTEMPTS = 120;

    private static final Logger LOG = LoggerFactory.getLogger(DemoFunds.class);

    private final FundService funds;
    private final PartnerService partners;
    private final Clock clock = Clock.systemDefaultZone();
    private final ScheduledExecutorService executor;

    @Activate
    public DemoFunds(@Reference(name = "funds") FundService funds,
            @Reference(name = "partners") PartnerService partners) {
        this.funds = funds;
        this.partners = partners;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pf-demo-funds");
            t.setDaemon(true);
            return t;
        });
        executor.execute(() -> create(1));
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    void create(int attempt) {
        Caller system = Caller.system();
        try {
            if (!funds.programs(system).isEmpty()) {
                LOG.debug("Demo data: funds programmes exist, no demo funds created");
                return;
            }
            boolean partnersExist = DemoPlan.PARTNERS.stream()
                    .allMatch(p -> partners.find(system, p.id()).isPresent());
            if (!partnersExist) {
                if (attempt < MAX_ATTEMPTS) {
                    executor.schedule(() -> create(attempt + 1), RETRY_SECONDS, TimeUnit.SECONDS);
                } else {
                    LOG.warn("Demo data: the demo partners did not appear; no demo funds created");
                }
                return;
            }
            LocalDate today = LocalDate.now(clock);
            LocalDate start = today.getMonthValue() <= 6 ? today.withDayOfYear(1) : today.withMonth(7).withDayOfMonth(1);
            LocalDate end = start.plusMonths(6).minusDays(1);
            String period = start.getYear() + (start.getMonthValue() == 1 ? " H1" : " H2");
            funds.saveProgram(system, new FundProgram(PROGRAM, "Market development funds", Set.of("mdf-request", "mdf"),
                    Money.currency("EUR"), Accounts.MARKETING_FUNDS, true, 0));
            Budget budget = funds.saveBudget(system, new Budget(0, PROGRAM, period, start, end,
                    Money.of("50000", "EUR"), null, 0));
            FundAllocation northwind = funds.allocate(system, budget.id(), "P-1001", Money.of("12000", "EUR"), end);
            FundAllocation contoso = funds.allocate(system, budget.id(), "P-1002", Money.of("8000", "EUR"), end);
            funds.reserve(system, northwind.id(), "demo:northwind-trade-show", Money.of("3000", "EUR"));
            funds.approve(system, "demo:northwind-trade-show", Money.of("2800", "EUR"));
            funds.markPaid(system, "demo:northwind-trade-show", Money.of("2800", "EUR"));
            funds.reserve(system, northwind.id(), "demo:northwind-webinar", Money.of("1500", "EUR"));
            funds.approve(system, "demo:northwind-webinar", Money.of("1500", "EUR"));
            funds.reserve(system, northwind.id(), "demo:northwind-catalogue", Money.of("2000", "EUR"));
            funds.reserve(system, contoso.id(), "demo:contoso-newsletter", Money.of("1200", "EUR"));
            LOG.info("Demo data: created the funds programme {} with budget {} and allocations for {}", PROGRAM,
                    period, List.of("P-1001", "P-1002"));
        } catch (RuntimeException e) {
            LOG.error("Demo data: the demo funds could not be created", e);
        }
    }
}
