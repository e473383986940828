package org.partnerfinance.connector.camt.internal;

import java.io.IOException;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.connectors.api.ImportConnector;
import org.partnerfinance.connectors.api.ImportFormatException;
import org.partnerfinance.connectors.api.ImportSink;
import org.partnerfinance.connectors.api.ImportSource;
import org.partnerfinance.security.api.Caller;

/**
 * ISO 20022 bank statements (camt.053) and debit/credit notifications (camt.054): each booked entry (or transaction
 * of a batch entry) is one item of the run. The item's work, done by the core all-or-nothing (a savepoint of its own in the run's batch) on behalf
 * of the person importing, matches it against the open payments and documents: an unambiguous match confirms the
 * payment with the bank's reference and booking date, anything else is queued for finance with ranked suggestions.
 * The entry's identity (the bank's reference on the account, else statement + position + content hash) makes a
 * re-import a duplicate that changes nothing.
 */
@Component(service = ImportConnector.class, configurationPid = CamtConnector.PID, property = {
        "pf.extension.id=" + CamtConnector.ID,
        "pf.extension.kind=connector",
        "pf.extension.name=ISO 20022 camt connector",
        "pf.extension.detail=Bank statements camt.053/camt.054 confirm payments (pf:import camt <file>); "
                + "reconciliation queue at finance/bank-reconciliation" })
@Designate(ocd = CamtConfiguration.class)
public class CamtConnector implements ImportConnector {

    static final String ID = "camt";
    static final String PID = "org.partnerfinance.connector.camt";

    private final CamtBook book;
    private volatile int maxEntries;

    @Activate
    public CamtConnector(CamtConfiguration config, @Reference(name = "book") CamtBook book) {
        this.book = book;
        this.maxEntries = limit(config);
    }

    CamtConnector(CamtBook book, int maxEntries) {
        this.book = book;
        this.maxEntries = maxEntries;
    }

    @Modified
    void modified(CamtConfiguration config) {
        maxEntries = limit(config);
    }

    private static int limit(CamtConfiguration config) {
        if (config.max_entries_per_statement() < 1) {
            throw new IllegalArgumentException("max.entries.per.statement must be at least 1");
        }
        return config.max_entries_per_statement();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "ISO 20022 bank statements (camt.053, camt.054)";
    }

    @Override
    public List<String> formats() {
        return List.of("camt.053.001.02 to camt.053.001.08 (BkToCstmrStmt)",
                "camt.054.001.02 to camt.054.001.08 (BkToCstmrDbtCdtNtfctn)");
    }

    @Override
    public void read(ImportSource source, ImportSink sink) throws ImportFormatException, IOException {
        RunMatcher matcher = new RunMatcher(book);
        new CamtReader(maxEntries).read(source.stream(), (statementId, entries) -> {
            for (BankEntry entry : entries) {
                if (!"BOOK".equals(entry.status())) {
                    sink.reject(entry.label(), "The entry is not booked (status " + entry.status() + "); only "
                            + "booked entries confirm payments, it comes again in the statement that books it.");
                    continue;
                }
                sink.item(entry.externalId(), entry.label(), entry.content(),
                        caller -> book.settle(caller, entry, matcher.of(caller)));
            }
        });
    }

    /** The open items of one run, read once at its first entry (with the caller the core hands over). */
    private static final class RunMatcher {
        private final CamtBook book;
        private EntryMatcher matcher;
        private String loadedFor;

        RunMatcher(CamtBook book) {
            this.book = book;
        }

        EntryMatcher of(Caller caller) {
            if (matcher == null || !caller.username().equals(loadedFor)) {
                matcher = book.openItems(caller);
                loadedFor = caller.username();
            }
            return matcher;
        }
    }
}
