package org.partnerfinance.ledger.internal;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.Money;

/** One line of a posted journal entry, as JPA reads it; inserted by {@link PostingStore}, immutable like its entry. */
@Entity
@Table(name = "ledger_line")
public class JournalLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "entry_id", nullable = false)
    private long entryId;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(name = "account_code", nullable = false, length = 10)
    private String accountCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "side", nullable = false, length = 6)
    private JournalLine.Side side;

    @Column(name = "amount", nullable = false, precision = 19, scale = 4)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "partner_id", length = 20)
    private String partnerId;

    /** Amount in the base currency; empty only on lines posted before base amounts were kept. */
    @Column(name = "base_amount", precision = 19, scale = 4)
    private BigDecimal baseAmount;

    @Column(name = "rate", precision = 21, scale = 10)
    private BigDecimal rate;

    public JournalLineEntity() {
    }

    public long getEntryId() {
        return entryId;
    }

    public String getPartnerId() {
        return partnerId;
    }

    /**
     * The line as an API value; amounts are rebuilt at their currency's scale, the rate without trailing zeros. A line
     * posted before base amounts were kept has none.
     */
    public JournalLine toLine(java.util.Currency base) {
        return new JournalLine(accountCode, side, Money.of(amount, currency), partnerId,
                baseAmount == null ? null : new Money(baseAmount, base), FxRules.normalise(rate));
    }
}
