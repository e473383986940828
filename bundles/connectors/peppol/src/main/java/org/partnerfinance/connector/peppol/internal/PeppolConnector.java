package org.partnerfinance.connector.peppol.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.connectors.api.DocumentExportConnector;
import org.partnerfinance.connectors.api.ExportFormatException;
import org.partnerfinance.connectors.api.ImportConnector;
import org.partnerfinance.connectors.api.ImportFormatException;
import org.partnerfinance.connectors.api.ImportSink;
import org.partnerfinance.connectors.api.ImportSource;
import org.partnerfinance.connectors.api.ReceivableExport;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Caller;

/**
 * Peppol BIS Billing 3.0 invoices and credit notes (UBL 2.1), one document per file or many in a zip, read with ph-ubl
 * and validated against the UBL 2.1 schema. The partner is the supplier (a payable) or the customer (a receivable)
 * whose Peppol id or VAT id a partner has; the original XML goes with the document to the core, which keeps it beside
 * it.
 *
 * <p>The other way, receivables (the company's invoices and credit notes to partners) are written as Peppol BIS
 * Billing 3.0 documents with the company as the seller, from this connector's configuration ({@link UblWriter}).
 */
@Component(service = {ImportConnector.class, DocumentExportConnector.class}, configurationPid = PeppolConnector.PID, property = {
        "pf.extension.id=" + PeppolConnector.ID,
        "pf.extension.kind=connector",
        "pf.extension.name=Peppol connector",
        "pf.extension.detail=Peppol BIS Billing 3.0 / UBL 2.1 invoices and credit notes: pf:import peppol-ubl <file>, "
                + "receivables out with pf:export-documents peppol-ubl <number>" })
@Designate(ocd = PeppolConfiguration.class)
public class PeppolConnector implements ImportConnector, DocumentExportConnector {

    static final String ID = "peppol-ubl";
    static final String PID = "org.partnerfinance.connector.peppol";

    /** Identifiers remembered per run at most: a zip of many partners' documents keeps a bounded map. */
    private static final int MEMO_SIZE = 10_000;

    private volatile Settings settings;

    /** The configuration as one immutable value, swapped whole on a change. */
    record Settings(long maxFileBytes, boolean validateSchema, boolean applyCreditNotes, String sourceSystem,
            UblWriter.Seller seller, UblZip.Limits zip) {
        Settings(long maxFileBytes, boolean validateSchema, boolean applyCreditNotes, String sourceSystem,
                UblWriter.Seller seller) {
            this(maxFileBytes, validateSchema, applyCreditNotes, sourceSystem, seller, UblZip.Limits.DEFAULT);
        }

        static Settings of(PeppolConfiguration c) {
            String source = c.source_system() == null || c.source_system().isBlank() ? "peppol"
                    : c.source_system().strip();
            return new Settings(Math.max(1, c.max_file_bytes()), c.validate_schema(), c.apply_credit_notes(),
                    source, UblWriter.Seller.of(c), new UblZip.Limits(Math.max(1, c.zip_max_entries()),
                            Math.max(1, c.zip_max_bytes()), Math.max(1, c.zip_max_ratio())));
        }
    }

    private final Function<String, Optional<String>> partnerByIdentifier;

    /**
     * The partner lookup runs as the platform: it only turns an identifier in the file into a partner id. Creating the
     * document is authorized (and audited) by the documents service for the person who runs the import.
     */
    @Activate
    public PeppolConnector(@Reference PartnerService partners, PeppolConfiguration config) {
        this(id -> partners.findByIdentifier(Caller.system(), id).map(Partner::id), Settings.of(config));
    }

    PeppolConnector(Function<String, Optional<String>> partnerByIdentifier, Settings settings) {
        this.partnerByIdentifier = partnerByIdentifier;
        this.settings = settings;
    }

    @Modified
    void modified(PeppolConfiguration config) {
        this.settings = Settings.of(config);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Peppol BIS Billing 3.0 (UBL 2.1)";
    }

    @Override
    public List<String> formats() {
        return List.of("UBL 2.1 Invoice (Peppol BIS Billing 3.0)", "UBL 2.1 CreditNote (Peppol BIS Billing 3.0)",
                "Zip of UBL 2.1 Invoices and CreditNotes (one document per file)");
    }

    /**
     * One UBL document, or a zip of UBL documents (each file entry one document, read within the zip limits; see
     * {@link UblZip}). In a zip, an entry that is not a readable UBL document is rejected on its own and the next one
     * read; a passed limit or a damaged zip ends the run. The files of a zip are read ahead ({@link ReadAhead}).
     */
    @Override
    public void read(ImportSource source, ImportSink sink) throws ImportFormatException, IOException {
        Settings s = settings;
        PushbackInputStream in = new PushbackInputStream(source.stream(), UblZip.MAGIC.length);
        byte[] head = in.readNBytes(UblZip.MAGIC.length);
        in.unread(head);
        UblReader reader = new UblReader(s.validateSchema());
        Function<String, Optional<String>> partners = memo(partnerByIdentifier);
        if (UblZip.isZip(head, head.length)) {
            ReadAhead.<Handed>run(handed -> UblZip.read(in, s.zip(), s.maxFileBytes(), (position, xml) -> {
                String where = "file " + position + " of the zip";
                UblDocument ubl;
                try {
                    if (xml.length == 0) {
                        throw new ImportFormatException("The file is empty.");
                    }
                    ubl = reader.read(xml);
                } catch (ImportFormatException e) {
                    handed.accept(new Handed(where, null, null, null, e.getMessage()));
                    return;
                }
                handed.accept(map(ubl, xml, "", partners, s));
            }), h -> h.handTo(sink));
            return;
        }
        byte[] xml = UblReader.readLimited(in, s.maxFileBytes());
        map(reader.read(xml), xml, source.fileName(), partners, s).handTo(sink);
    }

    /** What is handed to the sink for one document: the document with its XML, or its rejection. */
    record Handed(String label, String externalId, DocumentDraft draft, ImportSink.Original original,
            String rejection) {
        void handTo(ImportSink sink) {
            if (draft == null) {
                sink.reject(label, rejection);
            } else {
                sink.document(externalId, draft, original);
            }
        }
    }

    /** Maps a read document to a draft with its XML, or to a rejection with the mapper's reason. */
    private static Handed map(UblDocument ubl, byte[] xml, String fileName,
            Function<String, Optional<String>> partners, Settings s) {
        String externalId = DraftMapper.externalId(ubl);
        String label = ubl.number() == null || ubl.number().isBlank() ? externalId : ubl.number();
        try {
            DocumentDraft draft = new DraftMapper(partners, s.applyCreditNotes(), s.sourceSystem()).toDraft(ubl);
            return new Handed(label, externalId, draft, new ImportSink.Original(originalName(fileName, ubl),
                    "application/xml", xml), null);
        } catch (DraftMapper.Refusal refusal) {
            return new Handed(label, externalId, null, null, refusal.getMessage());
        }
    }

    /**
     * The partner lookup for one run: each identifier is looked up once per imported file (a zip names the same few
     * partners over and over). It only turns an identifier into a partner id; the documents service reads that
     * partner again in the document's own unit of work, so a partner changed meanwhile is still checked as it is.
     */
    private static Function<String, Optional<String>> memo(Function<String, Optional<String>> lookup) {
        Map<String, Optional<String>> known = new HashMap<>();
        return id -> {
            Optional<String> found = known.get(id);
            if (found == null) {
                found = lookup.apply(id);
                if (known.size() < MEMO_SIZE) {
                    known.put(id, found);
                }
            }
            return found;
        };
    }

    @Override
    public String fileExtension() {
        return "xml";
    }

    @Override
    public String contentType() {
        return "application/xml";
    }

    @Override
    public void write(ReceivableExport document, OutputStream out) throws ExportFormatException, IOException {
        out.write(new UblWriter(settings.seller()).write(document));
    }

    /** The stored original's name: the uploaded file's name when it has one, else the document's number. */
    private static String originalName(String fileName, UblDocument ubl) {
        String name = fileName == null ? "" : fileName.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        if (name.isEmpty()) {
            name = (ubl.creditNote() ? "creditnote-" : "invoice-") + ubl.number().replaceAll("[^A-Za-z0-9._-]", "_")
                    + ".xml";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
