package org.partnerfinance.claims.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.partnerfinance.claims.api.ApprovalStep;
import org.partnerfinance.claims.api.Attachment;
import org.partnerfinance.claims.api.AttachmentContent;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimField;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ClaimVersion;
import org.partnerfinance.claims.api.ClaimValidationException;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.claims.api.RejectionCode;
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

    /** Replaces the type-specific values of a draft or returned claim. */
    void replaceFields(EntityManager em, long claimId, List<ClaimField> fields) {
        em.createQuery("DELETE FROM ClaimFieldEntity f WHERE f.claimId = :id").setParameter("id", claimId)
                .executeUpdate();
        int position = 0;
        for (ClaimField field : fields) {
            em.persist(new ClaimFieldEntity(claimId, position++, field));
        }
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
                        "SELECT a FROM ClaimAttachmentEntity a WHERE a.claimId = :id AND a.removed = 0 "
                                + "ORDER BY a.position, a.id",
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
        Map<Long, List<ApprovalStep>> steps = new HashMap<>();
        List<Long> ids = claims.stream().map(ClaimEntity::getId).toList();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            em.createQuery("SELECT f FROM ClaimFieldEntity f WHERE f.claimId IN :ids ORDER BY f.claimId, f.position",
                            ClaimFieldEntity.class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(f -> fields.computeIfAbsent(f.getClaimId(), k -> new ArrayList<>()).add(f.toField()));
            em.createQuery("SELECT a.id, a.claimId, a.filename, a.contentType, a.sizeBytes, a.sha256 "
                                    + "FROM ClaimAttachmentEntity a WHERE a.claimId IN :ids AND a.removed = 0 "
                                    + "ORDER BY a.claimId, a.position, a.id",
                            Object[].class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(r -> attachments.computeIfAbsent((Long) r[1], k -> new ArrayList<>())
                            .add(new Attachment((Long) r[0], (String) r[2], (String) r[3], (Long) r[4],
                                    (String) r[5])));
            em.createQuery("SELECT f FROM ClaimFindingEntity f WHERE f.claimId IN :ids "
                            + "ORDER BY f.claimId, f.position", ClaimFindingEntity.class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(f -> findings.computeIfAbsent(f.getClaimId(), k -> new ArrayList<>()).add(f.toFinding()));
            em.createQuery("SELECT s FROM ClaimStepEntity s WHERE s.claimId IN :ids ORDER BY s.claimId, s.position",
                            ClaimStepEntity.class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(st -> steps.computeIfAbsent(st.getClaimId(), k -> new ArrayList<>()).add(st.toStep()));
        }
        Map<String, RejectionCode> codes = claims.stream().anyMatch(c -> c.getRejectionCode() != null)
                ? rejectionCodes(em, true).stream().collect(Collectors.toMap(RejectionCode::code, r -> r))
                : Map.of();
        Map<String, Boolean> installed = new LinkedHashMap<>();
        return claims.stream().map(c -> new Claim(c.getId(), c.getReference(), c.getPartnerId(), c.getTypeId(),
                        c.getTypeName(), installed.computeIfAbsent(c.getTypeId(), typeInstalled::test), c.getStatus(),
                        c.getDate(), c.getDescription(), c.amount(), c.eligibleAmount(),
                        fields.getOrDefault(c.getId(), List.of()), attachments.getOrDefault(c.getId(), List.of()),
                        findings.getOrDefault(c.getId(), List.of()), c.rejectionReason(), c.getDecisionComment(),
                        c.getDecidedBy(), c.getPaymentReference(), c.getCreatedBy(), c.getCreatedAt(),
                        c.getSubmittedAt(), c.getDecidedAt(), c.getPaidAt(), c.getVersion(),
                        steps.getOrDefault(c.getId(), List.of()), c.approvedAmount(), c.getPartialReason(),
                        c.getStatusNote(), rejection(codes, c.getRejectionCode()), c.accountingRule()))
                .toList();
    }

    /** The catalogue entry of a code; a code missing from the catalogue still shows as itself. */
    private static RejectionCode rejection(Map<String, RejectionCode> codes, String code) {
        if (code == null) {
            return null;
        }
        return codes.getOrDefault(code, new RejectionCode(code, code, false, true));
    }

    // ---- approval chain -------------------------------------------------------------------------------------------

    /** Replaces the claim's chain by new steps of these roles; the first one opens with its due date. */
    void startChain(EntityManager em, long claimId, List<String> roles, java.time.Instant firstDue) {
        em.createQuery("DELETE FROM ClaimStepEntity s WHERE s.claimId = :id").setParameter("id", claimId)
                .executeUpdate();
        int position = 1;
        for (String role : roles) {
            ClaimStepEntity step = new ClaimStepEntity(claimId, position, role);
            if (position == 1) {
                step.open(firstDue);
            }
            em.persist(step);
            position++;
        }
    }

    /** Removes the chain of a claim that left review (returned, withdrawn). */
    void clearChain(EntityManager em, long claimId) {
        em.createQuery("DELETE FROM ClaimStepEntity s WHERE s.claimId = :id").setParameter("id", claimId)
                .executeUpdate();
    }

    List<ClaimStepEntity> steps(EntityManager em, long claimId) {
        return em.createQuery("SELECT s FROM ClaimStepEntity s WHERE s.claimId = :id ORDER BY s.position",
                ClaimStepEntity.class).setParameter("id", claimId).getResultList();
    }

    /** Open steps (of submitted claims) due at or before {@code limit}, that have not had the given notice yet. */
    List<ClaimStepEntity> openStepsDueBy(EntityManager em, java.time.Instant limit, boolean escalation) {
        String notice = escalation ? "s.escalated_at" : "s.reminded_at";
        @SuppressWarnings("unchecked")
        List<Long> ids = em.createNativeQuery("SELECT s.id FROM claim_step s JOIN claim c ON c.id = s.claim_id "
                        + "WHERE c.status = 'SUBMITTED' AND s.position = c.current_step AND s.approved_by IS NULL "
                        + "AND s.due_at IS NOT NULL AND s.due_at <= ? AND " + notice + " IS NULL ORDER BY s.id")
                .setParameter(1, UtcInstantConverter.format(limit)).getResultList().stream()
                .map(n -> ((Number) n).longValue()).toList();
        return ids.stream().map(id -> em.find(ClaimStepEntity.class, id)).toList();
    }

    /**
     * Marks that a step's reminder (or escalation) went out; {@code false} when someone else (another node) marked it
     * first, so each notice is sent once per step.
     */
    boolean markNotice(EntityManager em, long stepId, boolean escalation, java.time.Instant at) {
        String column = escalation ? "escalated_at" : "reminded_at";
        return em.createNativeQuery("UPDATE claim_step SET " + column + " = ? WHERE id = ? AND " + column
                        + " IS NULL")
                .setParameter(1, UtcInstantConverter.format(at)).setParameter(2, stepId).executeUpdate() == 1;
    }

    // ---- editors, versions, attachments ---------------------------------------------------------------------------

    /** Records that a user changed (created, edited) a claim: segregation of duties keeps them from approving it. */
    void addEditor(EntityManager em, long claimId, String username) {
        if (!editors(em, claimId).contains(username)) {
            em.createNativeQuery("INSERT INTO claim_editor (claim_id, username) VALUES (?, ?)")
                    .setParameter(1, claimId).setParameter(2, username).executeUpdate();
        }
    }

    List<String> editors(EntityManager em, long claimId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT username FROM claim_editor WHERE claim_id = ? "
                + "ORDER BY username").setParameter(1, claimId).getResultList();
        return rows.stream().map(Object::toString).toList();
    }

    /** Everyone who submitted a version of the claim. */
    List<String> submitters(EntityManager em, long claimId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT DISTINCT submitted_by FROM claim_version WHERE claim_id = ?")
                .setParameter(1, claimId).getResultList();
        return rows.stream().map(Object::toString).toList();
    }

    /** Keeps the claim as submitted now as its next version. */
    void recordVersion(EntityManager em, ClaimEntity claim, String submittedBy, java.time.Instant at) {
        long claimId = claim.getId();
        List<Long> attachmentIds = em.createQuery("SELECT a.id FROM ClaimAttachmentEntity a WHERE a.claimId = :id "
                + "AND a.removed = 0 ORDER BY a.position, a.id", Long.class).setParameter("id", claimId)
                .getResultList();
        em.createNativeQuery("INSERT INTO claim_version (claim_id, version_no, submitted_by, submitted_at, edited_by, "
                        + "claim_date, description, amount, currency, eligible_amount, attachment_ids) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, claimId).setParameter(2, claim.getSubmissions()).setParameter(3, submittedBy)
                .setParameter(4, UtcInstantConverter.format(at))
                .setParameter(5, String.join(",", editors(em, claimId)))
                .setParameter(6, java.sql.Date.valueOf(claim.getDate())).setParameter(7, claim.getDescription())
                .setParameter(8, claim.amount().amount()).setParameter(9, claim.amount().currency().getCurrencyCode())
                .setParameter(10, claim.eligibleAmount().amount())
                .setParameter(11, attachmentIds.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .executeUpdate();
        Number versionId = (Number) em.createNativeQuery("SELECT id FROM claim_version WHERE claim_id = ? AND "
                + "version_no = ?").setParameter(1, claimId).setParameter(2, claim.getSubmissions()).getSingleResult();
        int position = 0;
        for (ClaimFieldEntity field : em.createQuery("SELECT f FROM ClaimFieldEntity f WHERE f.claimId = :id "
                + "ORDER BY f.position", ClaimFieldEntity.class).setParameter("id", claimId).getResultList()) {
            ClaimField value = field.toField();
            em.createNativeQuery("INSERT INTO claim_version_field (version_id, position, name, label, value) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .setParameter(1, versionId.longValue()).setParameter(2, position++).setParameter(3, value.name())
                    .setParameter(4, value.label()).setParameter(5, value.value()).executeUpdate();
        }
    }

    /** Every submitted version, oldest first. */
    List<ClaimVersion> versions(EntityManager em, long claimId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, version_no, submitted_by, submitted_at, edited_by, "
                + "claim_date, description, amount, currency, eligible_amount, attachment_ids FROM claim_version "
                + "WHERE claim_id = ? ORDER BY version_no").setParameter(1, claimId).getResultList();
        Map<Long, Attachment> files = new HashMap<>();
        em.createQuery("SELECT a.id, a.filename, a.contentType, a.sizeBytes, a.sha256 FROM ClaimAttachmentEntity a "
                        + "WHERE a.claimId = :id", Object[].class).setParameter("id", claimId).getResultList()
                .forEach(r -> files.put((Long) r[0], new Attachment((Long) r[0], (String) r[1], (String) r[2],
                        (Long) r[3], (String) r[4])));
        List<ClaimVersion> versions = new ArrayList<>();
        for (Object[] r : rows) {
            long versionId = ((Number) r[0]).longValue();
            @SuppressWarnings("unchecked")
            List<Object[]> fieldRows = em.createNativeQuery("SELECT name, label, value FROM claim_version_field "
                    + "WHERE version_id = ? ORDER BY position").setParameter(1, versionId).getResultList();
            List<ClaimField> fields = fieldRows.stream()
                    .map(f -> new ClaimField((String) f[0], (String) f[1], (String) f[2])).toList();
            String ids = (String) r[10];
            List<Attachment> attached = ids.isEmpty() ? List.of()
                    : java.util.Arrays.stream(ids.split(",")).map(Long::valueOf).map(files::get)
                            .filter(java.util.Objects::nonNull).toList();
            String editedBy = (String) r[4];
            String currency = ((String) r[8]).strip();
            versions.add(new ClaimVersion(((Number) r[1]).intValue(), (String) r[2],
                    UtcInstantConverter.parse((String) r[3]),
                    editedBy.isEmpty() ? List.of() : List.of(editedBy.split(",")), toLocalDate(r[5]), (String) r[6],
                    Money.of((java.math.BigDecimal) r[7], currency), Money.of((java.math.BigDecimal) r[9], currency),
                    fields, attached));
        }
        return versions;
    }

    private static java.time.LocalDate toLocalDate(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.time.LocalDate date) {
            return date;
        }
        return java.time.LocalDate.parse(value.toString().substring(0, 10));
    }

    /** Current attachments of a claim with their bytes. */
    List<ClaimAttachmentEntity> currentAttachments(EntityManager em, long claimId) {
        return em.createQuery("SELECT a FROM ClaimAttachmentEntity a WHERE a.claimId = :id AND a.removed = 0 "
                + "ORDER BY a.position, a.id", ClaimAttachmentEntity.class).setParameter("id", claimId)
                .getResultList();
    }

    /** Marks current attachments not in {@code keep} removed (kept for the versions) and adds the new files. */
    void replaceAttachments(EntityManager em, ClaimEntity claim, java.util.Collection<Long> keep,
            List<ClaimValidator.PreparedAttachment> added) {
        long claimId = claim.getId();
        int position = 0;
        for (ClaimAttachmentEntity file : currentAttachments(em, claimId)) {
            if (keep.contains(file.getId())) {
                position = Math.max(position, file.getPosition() + 1);
            } else {
                file.remove();
            }
        }
        for (ClaimValidator.PreparedAttachment file : added) {
            em.persist(new ClaimAttachmentEntity(claimId, position++, file));
        }
        em.flush();
        releaseReceipts(em, claimId);
        List<ClaimValidator.PreparedAttachment> now = currentAttachments(em, claimId).stream()
                .map(a -> new ClaimValidator.PreparedAttachment(a.toAttachment().filename(),
                        a.toAttachment().contentType(), a.getContent(), a.toAttachment().sha256()))
                .toList();
        claimReceipts(em, claim, now);
    }

    // ---- rejection-code catalogue ---------------------------------------------------------------------------------

    List<RejectionCode> rejectionCodes(EntityManager em, boolean includeRetired) {
        return em.createQuery("SELECT r FROM RejectionCodeEntity r ORDER BY r.code", RejectionCodeEntity.class)
                .getResultList().stream().map(RejectionCodeEntity::toCode)
                .filter(r -> includeRetired || !r.retired()).toList();
    }
}
