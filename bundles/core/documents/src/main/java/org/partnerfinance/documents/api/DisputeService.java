package org.partnerfinance.documents.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.security.api.Caller;

/**
 * Disputes of receivable invoices. Partner users open disputes about their own partner's invoices; finance accepts one
 * (a credit note for the accepted amount is issued, posted and applied to the invoice in the same unit of work) or
 * rejects it with a reason. Both sides see the whole trail.
 */
@ProviderType
public interface DisputeService {

    /** Opens a dispute (partner users, for their own partner's receivable invoices). */
    Dispute open(Caller caller, DisputeDraft draft);

    /**
     * Accepts a dispute, issuing a credit note of {@code acceptedAmount} (null = the disputed amount; not more than it)
     * numbered from the dispute, applied to the invoice (finance managers).
     */
    Dispute accept(Caller caller, long disputeId, long expectedVersion, java.math.BigDecimal acceptedAmount,
            String comment);

    /** Rejects a dispute with a reason the partner can read (finance managers). */
    Dispute reject(Caller caller, long disputeId, long expectedVersion, String reason);

    /** One dispute, if the caller may read it. */
    Optional<Dispute> find(Caller caller, long disputeId);

    /** Disputes of a partner ({@code null}: all, for finance), newest first, optionally of one status. */
    Page<Dispute> list(Caller caller, String partnerId, DisputeStatus status, int offset, int limit);

    /** Disputes of one document, oldest first. */
    List<Dispute> forDocument(Caller caller, long documentId);

    /** The supporting file of a dispute, if any and the caller may read the dispute. */
    Optional<DisputeAttachment> attachment(Caller caller, long disputeId);

    /** A dispute's history from the audit trail, oldest first. */
    List<HistoryEntry> history(Caller caller, long disputeId);

    /** The proof of one record of a dispute's history; same rules as {@link DocumentService#proof}. */
    Optional<String> proof(Caller caller, long disputeId, long sequence);
}
