package org.partnerfinance.documents.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.audit.api.AuditProofs;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Dispute;
import org.partnerfinance.documents.api.DisputeAttachment;
import org.partnerfinance.documents.api.DisputeDraft;
import org.partnerfinance.documents.api.DisputeService;
import org.partnerfinance.documents.api.DisputeStatus;
import org.partnerfinance.documents.api.DisputeSubject;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentValidationException;
import org.partnerfinance.documents.api.HistoryEntry;
import org.partnerfinance.documents.api.LineDraft;
import org.partnerfinance.documents.api.Page;
import org.partnerfinance.documents.api.TaxTotal;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * Disputes of receivable invoices: opened by the partner's users, decided by finance managers. Accepting issues a
 * credit note ({@code CN-D<id>}) that is posted and applied to the invoice in the same unit of work as the decision.
 */
@Component(service = DisputeService.class)
public class DisputeServiceImpl implements DisputeService {

    static final int MAX_REASON = 2000;
    /** Largest supporting file: a scan or a photo of a delivery note, not an archive. */
    static final int MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

    private final DocumentsEngine engine;
    private final DocumentServiceImpl documents;

    /** Proofs of the audit records; the audit trail's own component provides it beside {@code AuditTrail}. */
    @Reference(name = "proofs")
    AuditProofs proofs;

    @Activate
    public DisputeServiceImpl(@Reference(name = "engine") DocumentsEngine engine) {
        this.engine = engine;
        this.documents = new DocumentServiceImpl(engine);
    }

    @Override
    public Dispute open(Caller caller, DisputeDraft draft) {
        // partner users dispute their own partner's invoices; another partner's invoice reads as unknown below
        Access.requireActingFor(caller, caller == null ? null : caller.partnerId());
        if (draft == null) {
            throw new DocumentValidationException("dispute", "The dispute is missing.");
        }
        if (draft.subject() == null) {
            throw new DocumentValidationException("subject", "Say what is disputed: the invoice, a line or a "
                    + "deduction.");
        }
        String reason = draft.reason() == null ? "" : draft.reason().strip();
        if (reason.isEmpty()) {
            throw new DocumentValidationException("reason", "Explain what is wrong.");
        }
        if (reason.length() > MAX_REASON) {
            throw new DocumentValidationException("reason", "A reason has at most " + MAX_REASON + " characters.");
        }
        CheckedFile file = checkAttachment(draft.attachment());
        return engine.unitOfWork.required(() -> {
            DisputeEntity dispute = engine.tx(em -> {
                DocumentEntity invoice = em.find(DocumentEntity.class, draft.documentId());
                if (invoice == null || !invoice.getPartnerId().equals(caller.partnerId())) {
                    throw new DocumentValidationException("documentId", "Invoice " + draft.documentId()
                            + " is not known.");
                }
                if (invoice.getDirection() != Direction.RECEIVABLE || invoice.getKind() != DocumentKind.INVOICE) {
                    throw new DocumentValidationException("documentId", "Only invoices of the company can be "
                            + "disputed; " + invoice.getNumber() + " is not one.");
                }
                if (invoice.isDisputed()) {
                    throw new DocumentValidationException("documentId", "Invoice " + invoice.getNumber()
                            + " is already disputed; finance will decide that dispute first.");
                }
                Currency currency = Money.currency(invoice.getCurrency());
                Money amount;
                try {
                    amount = new Money(draft.amount() == null ? BigDecimal.ZERO : draft.amount(), currency);
                } catch (IllegalArgumentException e) {
                    throw new DocumentValidationException("amount", e.getMessage());
                }
                if (amount.signum() <= 0) {
                    throw new DocumentValidationException("amount", "The disputed amount must be positive.");
                }
                if (amount.amount().compareTo(invoice.getOpenAmount()) > 0) {
                    throw new DocumentValidationException("amount", "Invoice " + invoice.getNumber() + " has "
                            + invoice.getOpenAmount().toPlainString() + " " + invoice.getCurrency()
                            + " open; a dispute cannot be for more.");
                }
                Integer lineNo = null;
                if (draft.subject() == DisputeSubject.LINE) {
                    lineNo = draft.lineNo();
                    LineEntity line = lineNo == null ? null : em.createQuery("SELECT l FROM LineEntity l "
                            + "WHERE l.documentId = :d AND l.lineNo = :n", LineEntity.class)
                            .setParameter("d", invoice.getId()).setParameter("n", lineNo).getResultList().stream()
                            .findFirst().orElse(null);
                    if (line == null) {
                        throw new DocumentValidationException("lineNo", "Invoice " + invoice.getNumber()
                                + " has no line " + lineNo + ".");
                    }
                    BigDecimal lineGross = line.getNet().add(DocumentRules.taxOf(line.getNet(), line.getTaxRate(),
                            currency).amount());
                    if (amount.amount().compareTo(lineGross) > 0) {
                        throw new DocumentValidationException("amount", "Line " + lineNo + " is worth "
                                + lineGross.setScale(amount.amount().scale(), RoundingMode.UNNECESSARY)
                                        .toPlainString() + " " + invoice.getCurrency()
                                + " including tax; a dispute of it cannot be for more.");
                    }
                }
                DisputeEntity entity = new DisputeEntity(invoice.getPartnerId(), invoice.getId(), invoice.getNumber(),
                        draft.subject(), lineNo, amount.amount(), invoice.getCurrency(), reason,
                        file == null ? null : file.name(), file == null ? null : file.type(), caller.username(),
                        engine.now());
                em.persist(entity);
                em.flush();
                if (file != null) {
                    em.persist(new DisputeFileEntity(entity.getId(), file.content()));
                }
                invoice.setDisputed(true);
                em.flush();
                return entity;
            });
            engine.audit(caller, "dispute.opened", "dispute", dispute.getId(), "", "invoice "
                    + dispute.getDocumentNumber() + "; subject=" + dispute.getSubject()
                    + (dispute.getLineNo() == null ? "" : " " + dispute.getLineNo()) + "; amount="
                    + dispute.getAmount().toPlainString() + " " + dispute.getCurrency() + "; reason=" + reason
                    + (file == null ? "" : "; attachment=" + file.name()));
            engine.audit(caller, "dispute.opened", "document", dispute.getDocumentId(), "disputed=false",
                    "disputed=true; dispute " + dispute.getId());
            engine.publish(dispute.getPartnerId(), "dispute", dispute.getId(), "dispute.opened");
            return engine.tx(em -> toDispute(em.find(DisputeEntity.class, dispute.getId())));
        });
    }

    record CheckedFile(String name, String type, byte[] content) {
    }

    /** Checks a supporting file: at most 5 MB, PDF, PNG or JPEG by its first bytes (never by its name). */
    static CheckedFile checkAttachment(DisputeAttachment attachment) {
        if (attachment == null || attachment.content() == null) {
            return null;
        }
        byte[] content = attachment.content();
        if (content.length == 0) {
            throw new DocumentValidationException("attachment", "The attached file is empty.");
        }
        if (content.length > MAX_ATTACHMENT_BYTES) {
            throw new DocumentValidationException("attachment", "The attached file is larger than 5 MB.");
        }
        String type = Files.sniff(content).orElseThrow(() -> new DocumentValidationException("attachment",
                "Attach a PDF, PNG or JPEG file."));
        return new CheckedFile(Files.sanitizeFilename(attachment.fileName()), type, content.clone());
    }

    @Override
    public Dispute accept(Caller caller, long disputeId, long expectedVersion, BigDecimal acceptedAmount,
            String comment) {
        Access.requireAnyRole(caller, Role.FINANCE_MANAGER);
        String text = comment == null ? "" : comment.strip();
        if (text.length() > MAX_REASON) {
            throw new DocumentValidationException("comment", "A comment has at most " + MAX_REASON + " characters.");
        }
        return engine.unitOfWork.required(() -> {
            DisputeEntity before = requireOpen(disputeId, expectedVersion);
            DocumentEntity invoice = engine.tx(em -> em.find(DocumentEntity.class, before.getDocumentId()));
            Currency currency = Money.currency(before.getCurrency());
            Money amount;
            try {
                amount = new Money(acceptedAmount == null ? before.getAmount() : acceptedAmount, currency);
            } catch (IllegalArgumentException e) {
                throw new DocumentValidationException("acceptedAmount", e.getMessage());
            }
            if (amount.signum() <= 0 || amount.amount().compareTo(before.getAmount()) > 0) {
                throw new DocumentValidationException("acceptedAmount", "The accepted amount is positive and at "
                        + "most the disputed " + before.getAmount().toPlainString() + " " + before.getCurrency() + ".");
            }
            if (amount.amount().compareTo(invoice.getOpenAmount()) > 0) {
                throw new DocumentValidationException("acceptedAmount", "Invoice " + invoice.getNumber()
                        + " has only " + invoice.getOpenAmount().toPlainString() + " " + invoice.getCurrency()
                        + " open now.");
            }
            List<TaxTotal> taxes = engine.tx(em -> engine.toDocument(em, em.find(DocumentEntity.class,
                    invoice.getId())).taxes());
            List<LineDraft> lines = creditLines(amount, taxes, "Dispute " + disputeId + " of invoice "
                    + invoice.getNumber());
            DocumentDraft draft = new DocumentDraft(invoice.getPartnerId(), Direction.RECEIVABLE,
                    DocumentKind.CREDIT_NOTE, "CN-D" + disputeId, engine.today(), null, invoice.getCurrency(),
                    lines, null, invoice.getNumber(), "portal", "dispute:" + disputeId);
            Document creditNote = documents.createInUnit(caller, documents.prepare(draft));
            DisputeEntity after = engine.tx(em -> {
                DisputeEntity d = em.find(DisputeEntity.class, disputeId);
                d.resolve(DisputeStatus.ACCEPTED, text.isEmpty() ? null : text, creditNote.id(), caller.username(),
                        engine.now());
                em.find(DocumentEntity.class, d.getDocumentId()).setDisputed(false);
                em.flush();
                return d;
            });
            engine.audit(caller, "dispute.accepted", "dispute", disputeId, "status=OPEN", "status=ACCEPTED; "
                    + "credit note " + creditNote.number() + " of " + creditNote.gross().amount().toPlainString()
                    + " " + creditNote.gross().currency().getCurrencyCode()
                    + (text.isEmpty() ? "" : "; comment=" + text));
            engine.audit(caller, "dispute.accepted", "document", after.getDocumentId(), "disputed=true",
                    "disputed=false; credit note " + creditNote.number());
            engine.publish(after.getPartnerId(), "dispute", disputeId, "dispute.accepted");
            return engine.tx(em -> toDispute(em.find(DisputeEntity.class, disputeId)));
        });
    }

    /**
     * Lines of a credit note worth exactly {@code amount} gross, spread over the invoice's tax groups in proportion to
     * their gross, so the credit reverses tax the way the invoice charged it. The largest group takes the rounding
     * difference; its net is searched a few minor units around the exact value for one whose tax makes the gross match.
     */
    static List<LineDraft> creditLines(Money amount, List<TaxTotal> taxes, String description) {
        Currency currency = amount.currency();
        BigDecimal minor = BigDecimal.ONE.movePointLeft(amount.amount().scale());
        List<TaxTotal> groups = taxes.stream().filter(t -> t.taxable().signum() > 0).toList();
        if (groups.isEmpty()) {
            return List.of(new LineDraft(description, BigDecimal.ONE, amount.amount(), "O", BigDecimal.ZERO));
        }
        BigDecimal invoiceGross = groups.stream().map(t -> t.taxable().amount().add(t.tax().amount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        TaxTotal largest = groups.stream().max(Comparator.comparing(t -> t.taxable().amount())).orElseThrow();
        List<LineDraft> lines = new ArrayList<>();
        BigDecimal others = BigDecimal.ZERO;
        for (TaxTotal t : groups) {
            if (t == largest) {
                continue;
            }
            BigDecimal share = amount.amount().multiply(t.taxable().amount().add(t.tax().amount()))
                    .divide(invoiceGross, 10, RoundingMode.HALF_EVEN);
            BigDecimal net = netFor(share, t.rate(), currency, minor);
            if (net.signum() <= 0) {
                continue;
            }
            lines.add(new LineDraft(description, BigDecimal.ONE, net, t.category(), t.rate()));
            others = others.add(net).add(DocumentRules.taxOf(net, t.rate(), currency).amount());
        }
        BigDecimal rest = amount.amount().subtract(others);
        lines.add(0, new LineDraft(description, BigDecimal.ONE, netFor(rest, largest.rate(), currency, minor),
                largest.category(), largest.rate()));
        return lines;
    }

    /** A net amount whose gross at the rate is the target, or the closest below it when none hits exactly. */
    private static BigDecimal netFor(BigDecimal grossTarget, BigDecimal rate, Currency currency, BigDecimal minor) {
        BigDecimal target = grossTarget.setScale(minor.scale(), RoundingMode.HALF_EVEN);
        BigDecimal exact = grossTarget.multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(100).add(rate), minor.scale(), RoundingMode.HALF_EVEN);
        BigDecimal best = null;
        for (int k = -3; k <= 3; k++) {
            BigDecimal net = exact.add(minor.multiply(BigDecimal.valueOf(k)));
            BigDecimal gross = net.add(DocumentRules.taxOf(net, rate, currency).amount());
            if (gross.compareTo(target) == 0) {
                return net;
            }
            if (gross.compareTo(target) < 0 && (best == null || net.compareTo(best) > 0)) {
                best = net;
            }
        }
        return best == null ? exact : best;
    }

    @Override
    public Dispute reject(Caller caller, long disputeId, long expectedVersion, String reason) {
        Access.requireAnyRole(caller, Role.FINANCE_MANAGER);
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new DocumentValidationException("reason", "Give the partner a reason for the rejection.");
        }
        if (text.length() > MAX_REASON) {
            throw new DocumentValidationException("reason", "A reason has at most " + MAX_REASON + " characters.");
        }
        return engine.unitOfWork.required(() -> {
            requireOpen(disputeId, expectedVersion);
            DisputeEntity after = engine.tx(em -> {
                DisputeEntity d = em.find(DisputeEntity.class, disputeId);
                d.resolve(DisputeStatus.REJECTED, text, null, caller.username(), engine.now());
                em.find(DocumentEntity.class, d.getDocumentId()).setDisputed(false);
                em.flush();
                return d;
            });
            engine.audit(caller, "dispute.rejected", "dispute", disputeId, "status=OPEN", "status=REJECTED; reason="
                    + text);
            engine.audit(caller, "dispute.rejected", "document", after.getDocumentId(), "disputed=true",
                    "disputed=false");
            engine.publish(after.getPartnerId(), "dispute", disputeId, "dispute.rejected");
            return engine.tx(em -> toDispute(em.find(DisputeEntity.class, disputeId)));
        });
    }

    private DisputeEntity requireOpen(long disputeId, long expectedVersion) {
        DisputeEntity d = engine.tx(em -> em.find(DisputeEntity.class, disputeId));
        if (d == null) {
            throw new DocumentValidationException("disputeId", "Dispute " + disputeId + " is not known.");
        }
        if (d.getStatus() != DisputeStatus.OPEN) {
            throw new DocumentValidationException("status", "Dispute " + disputeId + " was already "
                    + d.getStatus().name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        if (d.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException("Dispute " + disputeId + " was changed by someone else meanwhile. "
                    + "Reload it and decide again.", null);
        }
        return d;
    }

    @Override
    public Optional<Dispute> find(Caller caller, long disputeId) {
        Access.requireCaller(caller);
        return engine.tx(em -> readable(em, caller, disputeId).map(DisputeServiceImpl::toDispute));
    }

    private static Optional<DisputeEntity> readable(EntityManager em, Caller caller, long disputeId) {
        DisputeEntity d = em.find(DisputeEntity.class, disputeId);
        if (d == null || !DocumentsEngine.mayRead(caller, d.getPartnerId())) {
            return Optional.empty();
        }
        return Optional.of(d);
    }

    @Override
    public Page<Dispute> list(Caller caller, String partnerId, DisputeStatus status, int offset, int limit) {
        Access.requireCaller(caller);
        if (offset < 0 || limit < 1 || limit > org.partnerfinance.documents.api.DocumentQuery.MAX_LIMIT) {
            throw new DocumentValidationException("size", "Pages start at 0 and have 1 to "
                    + org.partnerfinance.documents.api.DocumentQuery.MAX_LIMIT + " items.");
        }
        DocumentsEngine.ListScope scope = DocumentsEngine.listScope(caller, partnerId);
        if (scope.nothing()) {
            return new Page<>(List.of(), 0);
        }
        String forPartner = scope.partnerId();
        return engine.tx(em -> {
            String where = " WHERE 1 = 1" + (forPartner == null ? "" : " AND d.partnerId = :p")
                    + (status == null ? "" : " AND d.status = :s");
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(d) FROM DisputeEntity d" + where, Long.class);
            TypedQuery<DisputeEntity> page = em.createQuery("SELECT d FROM DisputeEntity d" + where
                    + " ORDER BY d.id DESC", DisputeEntity.class);
            for (TypedQuery<?> q : List.of(count, page)) {
                if (forPartner != null) {
                    q.setParameter("p", forPartner);
                }
                if (status != null) {
                    q.setParameter("s", status);
                }
            }
            long total = count.getSingleResult();
            return new Page<>(page.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                    .map(DisputeServiceImpl::toDispute).toList(), total);
        });
    }

    @Override
    public List<Dispute> forDocument(Caller caller, long documentId) {
        Access.requireCaller(caller);
        return engine.tx(em -> {
            if (engine.readableDocument(em, caller, documentId).isEmpty()) {
                return List.<Dispute>of();
            }
            return em.createQuery("SELECT d FROM DisputeEntity d WHERE d.documentId = :id ORDER BY d.id",
                    DisputeEntity.class).setParameter("id", documentId).getResultList().stream()
                    .map(DisputeServiceImpl::toDispute).toList();
        });
    }

    @Override
    public Optional<DisputeAttachment> attachment(Caller caller, long disputeId) {
        Access.requireCaller(caller);
        return engine.tx(em -> readable(em, caller, disputeId).filter(d -> d.getAttachmentName() != null)
                .flatMap(d -> Optional.ofNullable(em.find(DisputeFileEntity.class, disputeId))
                        .map(f -> new DisputeAttachment(d.getAttachmentName(), d.getAttachmentType(),
                                f.getContent()))));
    }

    @Override
    public List<HistoryEntry> history(Caller caller, long disputeId) {
        Access.requireCaller(caller);
        boolean readable = engine.tx(em -> readable(em, caller, disputeId).isPresent());
        return readable ? engine.history("dispute", disputeId) : List.of();
    }

    static Dispute toDispute(DisputeEntity d) {
        Currency c = Money.currency(d.getCurrency());
        return new Dispute(d.getId(), d.getPartnerId(), d.getDocumentId(), d.getDocumentNumber(), d.getSubject(),
                d.getLineNo(), new Money(d.getAmount(), c), d.getReason(), d.getAttachmentName(), d.getStatus(),
                d.getResolution(), d.getCreditNoteId(), d.getOpenedBy(), d.getOpenedAt(), d.getResolvedBy(),
                d.getResolvedAt(), d.getVersion());
    }

    /**
     * Authorized like {@link #history}; the audit trail's proofs are not authorized by themselves, so only sequence
     * numbers of this item's own records are proven.
     */
    @Override
    public Optional<String> proof(Caller caller, long disputeId, long sequence) {
        boolean ownRecord = history(caller, disputeId).stream().anyMatch(e -> e.sequence() == sequence);
        return ownRecord ? Optional.of(proofs.proof(sequence).json()) : Optional.empty();
    }
}
