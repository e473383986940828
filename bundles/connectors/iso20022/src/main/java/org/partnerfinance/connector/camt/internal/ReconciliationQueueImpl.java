package org.partnerfinance.connector.camt.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.connector.camt.BankEntryView;
import org.partnerfinance.connector.camt.EntryStatus;
import org.partnerfinance.connector.camt.ReconciliationQueue;
import org.partnerfinance.connector.camt.SplitPart;
import org.partnerfinance.connector.camt.SplitProposal;
import org.partnerfinance.connector.camt.SuggestionKind;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * The reconciliation queue on the camt bundle's records: finance matches an open bank entry to a payment or document
 * (the same confirmation the import does by itself when the evidence is unambiguous), splits it across several open
 * invoices of one partner, or dismisses it with a reason; the entry's change, the payment's confirmation and the audit
 * records commit together.
 */
@Component(service = ReconciliationQueue.class)
public class ReconciliationQueueImpl implements ReconciliationQueue {

    /** Finance works the queue; administrators may look. */
    static final Role[] WORKERS = {Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER};
    static final Role[] READERS = {Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR};
    private static final int MAX = 500;

    private final CamtBook book;

    @Activate
    public ReconciliationQueueImpl(@Reference(name = "book") CamtBook book) {
        this.book = book;
    }

    @Override
    public List<BankEntryView> open(Caller caller, int limit) {
        Access.requireAnyRole(caller, READERS);
        return book.list(EntryStatus.OPEN, Math.max(1, Math.min(limit, MAX)));
    }

    @Override
    public List<BankEntryView> recent(Caller caller, int limit) {
        Access.requireAnyRole(caller, READERS);
        return book.list(null, Math.max(1, Math.min(limit, MAX)));
    }

    @Override
    public Optional<BankEntryView> find(Caller caller, long entryId) {
        Access.requireAnyRole(caller, READERS);
        return book.find(entryId).map(CamtBook.Stored::view);
    }

    @Override
    public BankEntryView match(Caller caller, long entryId, long expectedVersion, SuggestionKind kind, long targetId) {
        Access.requireAnyRole(caller, WORKERS);
        if (kind == null) {
            throw new IllegalArgumentException("Say whether the entry pays a payment or a document.");
        }
        if (kind == SuggestionKind.SPLIT) {
            throw new IllegalArgumentException("A split across documents names each document with its amount: split "
                    + "the entry instead of matching it.");
        }
        return book.unitOfWork().required(() -> {
            CamtBook.Stored stored = requireOpen(entryId, expectedVersion);
            long paymentId = book.apply(caller, stored.entry(), stored.view().bankReference(), kind, targetId);
            String how = "matched by hand to " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + targetId;
            book.resolveInUnit(entryId, expectedVersion, EntryStatus.MATCHED, paymentId, caller.username(), how);
            book.audit().append(new AuditEvent(caller.username(), "camt.entry-matched", CamtBook.ENTITY,
                    Long.toString(entryId), "status=OPEN", "status=MATCHED; payment=" + paymentId + "; target="
                            + kind.name() + " " + targetId + "; bankReference=" + stored.view().bankReference()));
            return book.findInUnit(entryId).orElseThrow().view();
        });
    }

    @Override
    public SplitProposal splitProposal(Caller caller, long entryId, String partnerId) {
        Access.requireAnyRole(caller, WORKERS);
        CamtBook.Stored stored = book.find(entryId)
                .orElseThrow(() -> new IllegalArgumentException("Bank entry " + entryId + " does not exist."));
        return book.splitProposal(caller, stored, partnerId);
    }

    @Override
    public BankEntryView split(Caller caller, long entryId, long expectedVersion, List<SplitPart> parts,
            boolean remainderOnAccount) {
        Access.requireAnyRole(caller, WORKERS);
        return book.unitOfWork().required(() -> {
            CamtBook.Stored stored = requireOpen(entryId, expectedVersion);
            CamtBook.SplitDone done = book.split(caller, stored.entry(), stored.view().bankReference(), parts,
                    remainderOnAccount);
            String currency = stored.view().amount().currency().getCurrencyCode();
            String onAccount = done.onAccount().signum() > 0 ? "; on account " + done.onAccount().toPlainString()
                    + " " + currency : "";
            book.resolveInUnit(entryId, expectedVersion, EntryStatus.MATCHED, done.paymentId(), caller.username(),
                    "split by hand: " + done.parts() + onAccount);
            book.audit().append(new AuditEvent(caller.username(), "camt.entry-split", CamtBook.ENTITY,
                    Long.toString(entryId), "status=OPEN", "status=MATCHED; payment=" + done.paymentId() + "; parts="
                            + done.parts() + " " + currency + onAccount + "; bankReference="
                            + stored.view().bankReference()));
            return book.findInUnit(entryId).orElseThrow().view();
        });
    }

    @Override
    public BankEntryView dismiss(Caller caller, long entryId, long expectedVersion, String reason) {
        Access.requireAnyRole(caller, WORKERS);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Give the reason why the entry pays nothing in the portal.");
        }
        String why = reason.strip();
        if (why.length() > 500) {
            throw new IllegalArgumentException("The reason has at most 500 characters.");
        }
        return book.unitOfWork().required(() -> {
            requireOpen(entryId, expectedVersion);
            book.resolveInUnit(entryId, expectedVersion, EntryStatus.DISMISSED, null, caller.username(), why);
            book.audit().append(new AuditEvent(caller.username(), "camt.entry-dismissed", CamtBook.ENTITY,
                    Long.toString(entryId), "status=OPEN", "status=DISMISSED; reason=" + why));
            return book.findInUnit(entryId).orElseThrow().view();
        });
    }

    private CamtBook.Stored requireOpen(long entryId, long expectedVersion) {
        CamtBook.Stored stored = book.findInUnit(entryId)
                .orElseThrow(() -> new IllegalArgumentException("Bank entry " + entryId + " does not exist."));
        if (stored.view().status() != EntryStatus.OPEN) {
            throw new IllegalArgumentException("Bank entry " + entryId + " is " + stored.view().status().name()
                    .toLowerCase(java.util.Locale.ROOT) + " already (" + stored.view().resolution() + ").");
        }
        if (stored.view().version() != expectedVersion) {
            throw new org.partnerfinance.persistence.api.ConcurrentChangeException("Bank entry " + entryId
                    + " was changed by someone else meanwhile; reload it.", null);
        }
        return stored;
    }
}
