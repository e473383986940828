package org.partnerfinance.ledger.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.ledger.api.ExchangeRate;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.ledger.api.RateImportException;

/** Reading exchange rates from CSV: the whole file or nothing, every problem with its line number. */
public class RateCsvTest {

    private static List<ExchangeRate> parse(String csv) {
        return RateCsv.parse(new StringReader(csv), Money.currency("EUR"));
    }

    private static List<String> errors(String csv) {
        return assertThrows(RateImportException.class, () -> parse(csv)).errors();
    }

    @Test
    public void readsRatesInFileOrder() {
        List<ExchangeRate> rates = parse("date,currency,rate\n2025-03-01,USD,0.9231\r\n\n2025-03-01, GBP ,1.1874\n");
        assertEquals(List.of(
                new ExchangeRate(Money.currency("USD"), LocalDate.of(2025, 3, 1), new BigDecimal("0.9231")),
                new ExchangeRate(Money.currency("GBP"), LocalDate.of(2025, 3, 1), new BigDecimal("1.1874"))), rates);
    }

    @Test
    public void columnsMayComeInAnyOrder() {
        assertEquals(new BigDecimal("0.5"), parse("Currency,Rate,Date\nUSD,0.50,2025-01-02").get(0).rate());
    }

    @Test
    public void everyBadLineIsReportedWithItsNumber() {
        assertEquals(List.of(
                "Line 3: the date must be written as YYYY-MM-DD: '03/01/2025'",
                "Line 4: unknown currency 'XYZ' (expected a three-letter ISO 4217 code like USD)",
                "Line 5: the rate must be a decimal number like 0.9231: 'abc'",
                "Line 6: A rate must be positive: -1",
                "Line 7: EUR is the base currency, its rate is always 1",
                "Line 8: USD on 2025-03-01 is already on line 2",
                "Line 9: expected 3 values (date,currency,rate), found 2"),
                errors("date,currency,rate\n"
                        + "2025-03-01,USD,0.92\n"
                        + "03/01/2025,USD,0.92\n"
                        + "2025-03-02,XYZ,1\n"
                        + "2025-03-02,GBP,abc\n"
                        + "2025-03-02,CHF,-1\n"
                        + "2025-03-02,EUR,1\n"
                        + "2025-03-01,USD,0.93\n"
                        + "2025-03-03,USD\n"));
    }

    @Test
    public void aWrongHeaderIsLineOne() {
        assertEquals(List.of("Line 1: the header must be date,currency,rate (found day,code,rate)"),
                errors("day,code,rate\n2025-03-01,USD,0.92\n"));
    }

    @Test
    public void anEmptyFileIsRefused() {
        assertEquals(1, errors("date,currency,rate\n").size());
        assertEquals(1, errors("").size());
    }

    @Test
    public void malformedCsvIsReportedNotThrown() {
        List<String> errors = errors("date,currency,rate\n2025-03-01,\"USD,0.92\n");
        assertEquals(1, errors.size());
        assertEquals(true, errors.get(0).startsWith("The file is not valid CSV"));
    }
}
