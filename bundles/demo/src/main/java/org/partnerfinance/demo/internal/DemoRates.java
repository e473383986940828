package org.partnerfinance.demo.internal;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.security.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exchange rates of the demo: USD and GBP to the base currency, on the first day of each of the last 24 months and
 * today, so postings in those currencies dated up to two years back find a rate. Imported once (as one audited CSV
 * import) while the ledger has no rate of these currencies; the demo data waits for this component, so its approvals
 * never run before the rates exist. Rates an administrator entered are left alone.
 */
@Component(service = DemoRates.class, immediate = true)
public class DemoRates {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRates.class);

    /** Months of rates before today. */
    static final int MONTHS = 24;

    /** Roughly realistic values in EUR per unit; other base currencies get the same figures (it is a demo). */
    private static final List<Object[]> CURRENCIES = List.of(
            new Object[] {"USD", new BigDecimal("0.9200")}, new Object[] {"GBP", new BigDecimal("1.1700")});

    @Reference
    LedgerService ledger;

    @Activate
    void activate() {
        seed(Clock.systemDefaultZone());
    }

    void seed(Clock clock) {
        Caller system = Caller.system();
        LocalDate today = LocalDate.now(clock);
        StringBuilder csv = new StringBuilder("date,currency,rate\n");
        for (Object[] c : CURRENCIES) {
            Currency currency = Currency.getInstance((String) c[0]);
            if (currency.equals(ledger.baseCurrency()) || !ledger.rates(system, currency).isEmpty()) {
                continue;
            }
            csv.append(csv(currency, (BigDecimal) c[1], today));
        }
        if (csv.indexOf("\n") == csv.length() - 1) {
            LOG.debug("Demo data: the exchange rates exist, none imported");
            return;
        }
        try {
            int imported = ledger.importRates(system, new StringReader(csv.toString()));
            LOG.info("Demo data: imported {} exchange rates (USD, GBP) up to {}", imported, today);
        } catch (RuntimeException e) {
            // the demo still runs; postings in USD or GBP are refused until finance enters rates
            LOG.error("Demo data: the exchange rates could not be imported: {}", e.getMessage(), e);
        }
    }

    /** One rate a month, moving a little (deterministically), plus today's. */
    static String csv(Currency currency, BigDecimal around, LocalDate today) {
        StringBuilder lines = new StringBuilder();
        LocalDate first = today.withDayOfMonth(1).minusMonths(MONTHS);
        for (int m = 0; m <= MONTHS; m++) {
            LocalDate date = first.plusMonths(m);
            BigDecimal wobble = BigDecimal.valueOf((m * 7L) % 11 - 5).movePointLeft(3);
            lines.append(date).append(',').append(currency.getCurrencyCode()).append(',')
                    .append(around.add(wobble).setScale(4, RoundingMode.HALF_EVEN).toPlainString()).append('\n');
        }
        if (!today.equals(first.plusMonths(MONTHS))) {
            lines.append(today).append(',').append(currency.getCurrencyCode()).append(',')
                    .append(around.toPlainString()).append('\n');
        }
        return lines.toString();
    }
}
