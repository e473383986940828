package org.partnerfinance.ledger.internal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.partnerfinance.ledger.api.ExchangeRate;
import org.partnerfinance.ledger.api.Money;

/** An exchange rate of one currency from one date on. */
@Entity
@Table(name = "ledger_rate")
@IdClass(RateEntity.Key.class)
public class RateEntity {

    /** Primary key: currency and date. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String currency;
        public LocalDate date;

        public Key() {
        }

        Key(String currency, LocalDate date) {
            this.currency = currency;
            this.date = date;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(currency, k.currency) && Objects.equals(date, k.date);
        }

        @Override
        public int hashCode() {
            return Objects.hash(currency, date);
        }
    }

    @Id
    @Column(name = "currency", length = 3)
    private String currency;

    @Id
    @Column(name = "rate_date")
    private LocalDate date;

    @Column(name = "rate", nullable = false, precision = 21, scale = 10)
    private BigDecimal rate;

    @Column(name = "set_by", nullable = false, length = 100)
    private String setBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "set_at", nullable = false, length = 24)
    private Instant setAt;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    public RateEntity() {
    }

    RateEntity(String currency, LocalDate date) {
        this.currency = currency;
        this.date = date;
    }

    void set(BigDecimal newRate, String by, Instant at) {
        this.rate = newRate;
        this.setBy = by;
        this.setAt = at;
    }

    BigDecimal getRate() {
        return FxRules.normalise(rate);
    }

    ExchangeRate toRate() {
        return new ExchangeRate(Money.currency(currency), date, FxRules.normalise(rate));
    }
}
