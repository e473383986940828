package org.partnerfinance.claims.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.persistence.EntityManager;

import org.partnerfinance.claims.api.Attachment;
import org.partnerfinance.claims.api.AttachmentContent;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimField;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ClaimValidationException;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.claims.api.StatusTotal;
import org.partnerfinance.ledger.api.Money;

/**
 * Reads and writes claims with their fields, attachments and findings on an EntityManager of the claims unit. It
 * checks no permissions: the service does that before calling it.
 */
final class ClaimStore {

    /** Child rows are loaded for at most this many claims per query. */
    private static final int IN_CHUNK = 500;

    private final Predicate<String> typeInstalled;

    /** @param typeInstalled tells whether a claim type id is installed now (stored in each snapshot) */
    ClaimStore(Predicate<String> typeInstalled) {
        this.typeInstalled = typeInstalled;
    }

    /** @throws IllegalArgumentException when there is no such claim */
    ClaimEntity require(EntityManager em, long claimId) {
        ClaimEntity claim = em.find(ClaimEntity.class, claimId);
        if (claim == null) {
            throw new IllegalArgumentException("There is no claim " + claimId + ".");
        }
        return claim;
    }

    /** Inserts a new claim with its children; assigns its id and reference. */
    ClaimEntity insert(EntityManager em, ClaimEntity claim, List<ClaimField> fields,
            List<ClaimValidator.PreparedAttachment> attachments, List<ComplianceFinding> findings) {
        em.persist(claim);
        em.flush(); // the identity column assigns the id the reference and the children need
        claim.assignReference();
        long id = claim.getId();
        int position = 0;
        for (ClaimField field : fields) {
            em.persist(new ClaimFieldEntity(id, position++, field));
        }
        position = 0;
        for (ClaimValidator.PreparedAttachment file : attachments) {
            em.persist(new ClaimAttachmentEntity(id, position++, file));
        }
        persistFindings(em, id, findings);
        em.flush();
        claimReceipts(em, claim, attachments);
        return claim;
    }

    /**
     * Records which receipts the new claim holds, for its partner. The table's primary key refuses a receipt that a
     * live claim of the partner already holds, even one inserted by a concurrent transaction that the duplicate rule
     * could not see yet (the insert waits for that transaction and fails once it commits).
     *
     * @throws ClaimValidationException naming the file when another live claim of the partner holds it
     */
    private static void claimReceipts(EntityManager em, ClaimEntity claim,
            List<ClaimValidator.PreparedAttachment> attachments) {
        Map<String, String> byHash = new LinkedHashMap<>();
        attachments.forEach(a -> byHash.putIfAbsent(a.sha256(), a.filename()));
        for (Map.Entry<String, String> receipt : byHash.entrySet()) {
            try {
                em.createNativeQuery("INSERT INTO claim_receipt (partner_id, sha256, claim_id) VALUES (?, ?, ?)")
                        .setParameter(1, claim.getPartnerId()).setParameter(2, receipt.getKey())
                        .setParameter(3, claim.getId()).executeUpdate();
            } catch (RuntimeException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                throw new ClaimValidationException(List.of(new Problem("attachments", "The file "
                        + receipt.getValue() + " was already submitted with another claim of partner "
                        + claim.getPartnerId() + ".")));
            }
        }
    }

    /** Frees the receipts of a claim that is no longer live (rejected). */
    void releaseReceipts(EntityManager em, long claimId) {
        em.createNativeQuery("DELETE FROM claim_receipt WHERE claim_id = ?").setParameter(1, claimId).executeUpdate();
    }

    /** SQLState 23505 (unique or primary key violation) is the same on Derby and PostgreSQL. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Replaces the findings recorded for a claim (e.g. when a draft is submitted). */
    void replaceFindings(EntityManager em, long claimId, List<ComplianceFinding> findings) {
        em.createQuery("DELETE FROM ClaimFindingEntity f WHERE f.claimId = :id").setParameter("id", claimId)
                .executeUpdate();
        persistFindings(em, claimId, findings);
    }

    private static void persistFindings(EntityManager em, long claimId, List<ComplianceFinding> findings) {
        int position = 0;
        for (ComplianceFinding finding : findings) {
            em.persist(new ClaimFindingEntity(claimId, position++, finding));
        }
    }

    /** A partner's claims, newest first. */
    List<Claim> forPartner(EntityManager em, String partnerId) {
        return snapshots(em, em.createQuery("SELECT c FROM ClaimEntity c WHERE c.partnerId = :partner ORDER BY c.id DESC",
                        ClaimEntity.class)
                .setParameter("partner", partnerId).getResultList());
    }

    /** Claims in one status of all partners, oldest submission first. */
    List<Claim> inStatus(EntityManager em, ClaimStatus status) {
        return snapshots(em, em.createQuery(
                        "SELECT c FROM ClaimEntity c WHERE c.status = :status ORDER BY c.submittedAt, c.id",
                        ClaimEntity.class)
                .setParameter("status", status).getResultList());
    }

    /** Count and claimed amount by status and currency, of one partner or (partnerId null) of all. */
    List<StatusTotal> totals(EntityManager em, String partnerId) {
        String select = "SELECT c.status, c.currency, COUNT(c), SUM(c.amount) FROM ClaimEntity c ";
        String group = " GROUP BY c.status, c.currency ORDER BY c.status, c.currency";
        List<Object[]> rows = partnerId == null
                ? em.createQuery(select + group, Object[].class).getResultList()
                : em.createQuery(select + "WHERE c.partnerId = :partner" + group, Object[].class)
                        .setParameter("partner", partnerId).getResultList();
        return rows.stream()
                .map(r -> new StatusTotal((ClaimStatus) r[0], ((Number) r[2]).longValue(),
                        Money.of((java.math.BigDecimal) r[3], (String) r[1])))
                .toList();
    }

    /** An attachment of a claim with its bytes. */
    Optional<AttachmentContent> attachment(EntityManager em, long claimId, long attachmentId) {
        ClaimAttachmentEntity file = em.find(ClaimAttachmentEntity.class, attachmentId);
        if (file == null || file.getClaimId() != claimId) {
            return Optional.empty();
        }
        return Optional.of(new AttachmentContent(file.toAttachment(), file.getContent()));
    }

    /** The stored claim as a draft again (for validation and compliance when a saved draft is submitted). */
    ClaimDraft draftOf(EntityManager em, ClaimEntity claim) {
        Map<String, String> values = new HashMap<>();
        em.createQuery("SELECT f FROM ClaimFieldEntity f WHERE f.claimId = :id", ClaimFieldEntity.class)
                .setParameter("id", claim.getId()).getResultList()
                .forEach(f -> values.put(f.toField().name(), f.toField().value()));
        List<AttachmentUpload> files = em.createQuery(
                        "SELECT a FROM ClaimAttachmentEntity a WHERE a.claimId = :id ORDER BY a.position, a.id",
                        ClaimAttachmentEntity.class)
                .setParameter("id", claim.getId()).getResultList().stream()
                .map(a -> new AttachmentUpload(a.toAttachment().filename(), a.getContent()))
                .toList();
        LineFields split = LineFields.split(values);
        return new ClaimDraft(claim.getTypeId(), claim.getPartnerId(), claim.getDate(), claim.getDescription(),
                claim.amount(), split.fields(), files, split.lineItems());
    }

    Claim snapshot(EntityManager em, ClaimEntity claim) {
        return snapshots(em, List.of(claim)).get(0);
    }

    /** Snapshots with their children, loaded with a few queries for all claims (attachment bytes are not loaded). */
    List<Claim> snapshots(EntityManager em, List<ClaimEntity> claims) {
        Map<Long, List<ClaimField>> fields = new HashMap<>();
        Map<Long, List<Attachment>> attachments = new HashMap<>();
        Map<Long, List<ComplianceFinding>> findings = new HashMap<>();
        List<Long> ids = claims.stream().map(ClaimEntity::getId).toList();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            em.createQuery("SELECT f FROM ClaimFieldEntity f WHERE f.claimId IN :ids ORDER BY f.claimId, f.position",
                            ClaimFieldEntity.class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(f -> fields.computeIfAbsent(f.getClaimId(), k -> new ArrayList<>()).add(f.toField()));
            em.createQuery("SELECT a.id, a.claimId, a.filename, a.contentType, a.sizeBytes, a.sha256 "
                                    + "FROM ClaimAttachmentEntity a WHERE a.claimId IN :ids ORDER BY a.claimId, a.position, a.id",
                            Object[].class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(r -> attachments.computeIfAbsent((Long) r[1], k -> new ArrayList<>())
                            .add(new Attachment((Long) r[0], (String) r[2], (String) r[3], (Long) r[4],
                                    (String) r[5])));
            em.createQuery("SELECT f FROM ClaimFindingEntity f WHERE f.claimId IN :ids "
                            + "ORDER BY f.claimId, f.position", ClaimFindingEntity.class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(f -> findings.computeIfAbsent(f.getClaimId(), k -> new ArrayList<>()).add(f.toFinding()));
        }
        Map<String, Boolean> installed = new LinkedHashMap<>();
        return claims.stream().map(c -> new Claim(c.getId(), c.getReference(), c.getPartnerId(), c.getTypeId(),
                        c.getTypeName(), installed.computeIfAbsent(c.getTypeId(), typeInstalled::test), c.getStatus(),
                        c.getDate(), c.getDescription(), c.amount(), c.eligibleAmount(),
                        fields.getOrDefault(c.getId(), List.of()), attachments.getOrDefault(c.getId(), List.of()),
                        findings.getOrDefault(c.getId(), List.of()), c.rejectionReason(), c.getDecisionComment(),
                        c.getDecidedBy(), c.getPaymentReference(), c.getCreatedBy(), c.getCreatedAt(),
                        c.getSubmittedAt(), c.getDecidedAt(), c.getPaidAt(), c.getVersion()))
                .toList();
    }
}
