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

import org.partnerfinance.partner.api.DunningContact;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerDetails;
import org.partnerfinance.partner.api.PostalAddress;
import org.partnerfinance.partner.api.BankAccount;
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

    @Column(name = "vat_id", length = 30)
    private String vatId;

    @Column(name = "vat_key", length = 30)
    private String vatKey;

    @Column(name = "peppol_id", length = 60)
    private String peppolId;

    @Column(name = "peppol_key", length = 60)
    private String peppolKey;

    @Column(name = "street", nullable = false, length = 300)
    private String street = "";

    @Column(name = "postal_code", nullable = false, length = 20)
    private String postalCode = "";

    @Column(name = "city", nullable = false, length = 100)
    private String city = "";

    @Column(name = "country", nullable = false, length = 2)
    private String country = "";

    @Column(name = "payment_terms_days", nullable = false)
    private int paymentTermsDays = Partner.DEFAULT_PAYMENT_TERMS_DAYS;

    @Column(name = "dunning_name", nullable = false, length = 100)
    private String dunningName = "";

    @Column(name = "dunning_email", nullable = false, length = 200)
    private String dunningEmail = "";

    @Column(name = "dunning_phone", nullable = false, length = 50)
    private String dunningPhone = "";

    @Column(name = "iban", length = 34)
    private String iban;

    @Column(name = "bic", length = 11)
    private String bic;

    @Column(name = "account_holder", length = 70)
    private String accountHolder;

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

    long getVersion() {
        return version;
    }

    /** Takes over checked master data ({@link PartnerRules#check}); the default currency stays allowed. */
    void apply(PartnerDetails d) {
        this.name = d.name();
        this.kind = d.kind();
        this.currency = d.defaultCurrency().getCurrencyCode();
        this.active = d.active();
        allow(d.allowedCurrencies());
        this.vatId = d.vatId().isEmpty() ? null : d.vatId();
        this.vatKey = d.vatId().isEmpty() ? null : PartnerRules.vatKey(d.vatId());
        this.peppolId = d.peppolId().isEmpty() ? null : d.peppolId();
        this.peppolKey = d.peppolId().isEmpty() ? null : PartnerRules.peppolKey(d.peppolId());
        this.street = d.address().street();
        this.postalCode = d.address().postalCode();
        this.city = d.address().city();
        this.country = d.address().countryCode();
        this.paymentTermsDays = d.paymentTermsDays();
        this.dunningName = d.dunningContact().name();
        this.dunningEmail = d.dunningContact().email();
        this.dunningPhone = d.dunningContact().phone();
        this.iban = d.bankAccount().iban().isEmpty() ? null : d.bankAccount().iban();
        this.bic = d.bankAccount().bic().isEmpty() ? null : d.bankAccount().bic();
        this.accountHolder = d.bankAccount().holder().isEmpty() ? null : d.bankAccount().holder();
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
                allowedCurrencies.stream().map(Currency::getInstance).collect(Collectors.toSet()),
                vatId == null ? "" : vatId, peppolId == null ? "" : peppolId,
                new PostalAddress(street, postalCode, city, country), paymentTermsDays,
                new DunningContact(dunningName, dunningEmail, dunningPhone), version,
                new BankAccount(iban, bic, accountHolder));
    }
}
