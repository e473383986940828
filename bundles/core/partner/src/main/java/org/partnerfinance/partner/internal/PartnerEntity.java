package org.partnerfinance.partner.internal;

import java.util.Currency;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerKind;

/** A partner organisation row. */
@Entity
@Table(name = "partner_org")
public class PartnerEntity {

    @Id
    @Column(name = "id", length = 20)
    private String id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private PartnerKind kind;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "active", nullable = false)
    private boolean active;

    /** Includes the default currency (the migration that introduced the table filled it in for existing rows). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "partner_currency", joinColumns = @JoinColumn(name = "partner_id"))
    @Column(name = "currency", length = 3, nullable = false)
    private Set<String> allowedCurrencies = new TreeSet<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public PartnerEntity() {
    }

    PartnerEntity(String id, String name, PartnerKind kind, Currency currency) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.currency = currency.getCurrencyCode();
        this.active = true;
        this.allowedCurrencies.add(this.currency);
    }

    String getId() {
        return id;
    }

    Currency getCurrency() {
        return Currency.getInstance(currency);
    }

    /** Replaces the allowed currencies; the default currency stays allowed. */
    void allow(Set<Currency> currencies) {
        allowedCurrencies.clear();
        allowedCurrencies.add(currency);
        currencies.forEach(c -> allowedCurrencies.add(c.getCurrencyCode()));
    }

    public Partner toPartner() {
        return new Partner(id, name, kind, Currency.getInstance(currency), active,
                allowedCurrencies.stream().map(Currency::getInstance).collect(Collectors.toSet()));
    }
}
