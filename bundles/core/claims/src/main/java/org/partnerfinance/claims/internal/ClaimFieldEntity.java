package org.partnerfinance.claims.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.partnerfinance.claims.api.ClaimField;

/** A type-specific value of a claim, stored with the label it had so it stays readable without its type. */
@Entity
@Table(name = "claim_field")
public class ClaimFieldEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "claim_id", nullable = false)
    private long claimId;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "label", nullable = false, length = 200)
    private String label;

    @Column(name = "value", nullable = false, length = 4000)
    private String value;

    public ClaimFieldEntity() {
    }

    ClaimFieldEntity(long claimId, int position, ClaimField field) {
        this.claimId = claimId;
        this.position = position;
        this.name = field.name();
        this.label = field.label();
        this.value = field.value();
    }

    public long getClaimId() {
        return claimId;
    }

    public ClaimField toField() {
        return new ClaimField(name, label, value);
    }
}
