package org.partnerfinance.claimtype.rebate.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.partnerfinance.claimtype.rebate.api.Agreement;
import org.partnerfinance.claimtype.rebate.api.AgreementDraft;
import org.partnerfinance.claimtype.rebate.api.Tier;
import org.partnerfinance.claimtype.rebate.api.TierMode;
import org.partnerfinance.claimtype.rebate.api.VolumeBasis;
import org.partnerfinance.ledger.api.Money;

/** A rebate agreement row; {@link Version} makes two concurrent changes of one agreement fail instead of mixing. */
@Entity
@Table(name = "rebate_agreement")
public class AgreementEntity {

    /** Fixed-width UTC text: sorts in time order and round-trips exactly whatever the JVM's time zone. */
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "partner_id", nullable = false, length = 20)
    private String partnerId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to", nullable = false)
    private LocalDate validTo;

    @Column(name = "product_codes", nullable = false, length = 2000)
    private String productCodes;

    @Column(name = "categories", nullable = false, length = 2000)
    private String categories;

    @Column(name = "basis", nullable = false, length = 10)
    private String basis;

    @Column(name = "tier_mode", nullable = false, length = 12)
    private String mode;

    @Column(name = "tiers", nullable = false, length = 1000)
    private String tiers;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "cap", precision = 19, scale = 4)
    private BigDecimal cap;

    @Column(name = "volume", nullable = false, precision = 19, scale = 4)
    private BigDecimal volume;

    @Column(name = "amount", nullable = false, precision = 19, scale = 4)
    private BigDecimal amount;

    @Column(name = "earned", nullable = false, precision = 19, scale = 4)
    private BigDecimal earned;

    @Column(name = "calculated_at", nullable = false, length = 24)
    private String calculatedAt;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false, length = 24)
    private String createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AgreementEntity() {
        // for JPA
    }

    AgreementEntity(AgreementDraft draft, String createdBy, Instant now) {
        this.partnerId = draft.partnerId();
        this.createdBy = createdBy;
        this.createdAt = text(now);
        this.volume = BigDecimal.ZERO;
        this.amount = BigDecimal.ZERO;
        this.earned = BigDecimal.ZERO;
        this.calculatedAt = text(now);
        setTerms(draft);
    }

    /** Replaces the terms (the partner stays). */
    void setTerms(AgreementDraft draft) {
        this.name = draft.name().strip();
        this.validFrom = draft.validFrom();
        this.validTo = draft.validTo();
        this.productCodes = String.join(",", draft.productCodes().stream().sorted().toList());
        this.categories = String.join(",", draft.categories().stream().sorted().toList());
        this.basis = draft.basis().name();
        this.mode = draft.mode().name();
        this.tiers = RebateCalculator.sorted(draft.tiers()).stream()
                .map(t -> t.threshold().stripTrailingZeros().toPlainString() + ":"
                        + t.ratePercent().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(";"));
        this.currency = draft.currency().getCurrencyCode();
        this.cap = draft.cap();
    }

    void setCalculation(BigDecimal volume, BigDecimal amount, Money earned, Instant now) {
        this.volume = volume;
        this.amount = amount;
        this.earned = earned.amount();
        this.calculatedAt = text(now);
    }

    Long id() {
        return id;
    }

    String partnerId() {
        return partnerId;
    }

    long version() {
        return version;
    }

    Money earned() {
        return new Money(earned, Currency.getInstance(currency));
    }

    AgreementDraft terms() {
        return new AgreementDraft(partnerId, name, validFrom, validTo, split(productCodes), split(categories),
                VolumeBasis.valueOf(basis), TierMode.valueOf(mode), parseTiers(tiers), Currency.getInstance(currency),
                cap == null ? null : cap.stripTrailingZeros());
    }

    RebateCalculator.Terms calculationTerms() {
        AgreementDraft t = terms();
        return new RebateCalculator.Terms(t.basis(), t.mode(), t.tiers(), t.currency(), t.cap());
    }

    Agreement toAgreement() {
        return new Agreement(id, terms(), volume.stripTrailingZeros(), amount.stripTrailingZeros(), earned(),
                Instant.parse(calculatedAt), version);
    }

    /** The state recorded in the audit trail. */
    String describe() {
        return "partner=" + partnerId + ", name=" + name + ", period=" + validFrom + ".." + validTo + ", products="
                + productCodes + ", categories=" + categories + ", basis=" + basis + ", mode=" + mode + ", tiers="
                + tiers + ", currency=" + currency + ", cap=" + (cap == null ? "none" : cap.toPlainString())
                + ", earned=" + earned.toPlainString();
    }

    private static Set<String> split(String text) {
        return text == null || text.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(text.split(",")));
    }

    private static List<Tier> parseTiers(String text) {
        List<Tier> result = new ArrayList<>();
        for (String pair : text.split(";")) {
            int colon = pair.indexOf(':');
            result.add(new Tier(new BigDecimal(pair.substring(0, colon)), new BigDecimal(pair.substring(colon + 1))));
        }
        return result;
    }

    private static String text(Instant instant) {
        return INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
