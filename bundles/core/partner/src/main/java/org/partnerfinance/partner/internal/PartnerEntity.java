package org.partnerfinance.partner.internal;

import java.util.Currency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
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
    }

    public Partner toPartner() {
        return new Partner(id, name, kind, Currency.getInstance(currency), active);
    }
}
