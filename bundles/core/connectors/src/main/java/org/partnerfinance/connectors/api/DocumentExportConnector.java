package org.partnerfinance.connectors.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A connector that writes one of the company's own invoices or credit notes to a partner (a receivable) as a file for
 * the partner's system, e.g. a Peppol BIS Billing 3.0 UBL 2.1 invoice (1.3).
 *
 * <p>Publish it as a DS service like an {@link ExportConnector}: its {@link #id()} is also the extension id that
 * administrators switch on and off (service property {@code pf.extension.id}). The company's own party data (name, tax
 * ids, address, bank account) belong to the format, so they are the connector's configuration (OSGi Metatype); the
 * buyer is the partner's master data, handed over with the document.
 *
 * <p>The connector only writes. The core ({@link ExportService#exportDocuments}) authorizes the caller, loads the
 * documents and their partners, checks that each is a receivable, calls {@link #write} once per document and keeps
 * the files and the run, in one unit of work: when {@link #write} throws, nothing of the export stays.
 */
@ConsumerType
public interface DocumentExportConnector {

    /** Stable id, lowercase letters, digits and dashes, e.g. {@code peppol-ubl}; used in URLs and commands. */
    String id();

    /** Name shown to people, e.g. {@code Peppol BIS Billing 3.0 (UBL 2.1)}. */
    String name();

    /** The formats written, e.g. {@code ["UBL 2.1 Invoice (Peppol BIS Billing 3.0)"]}. */
    List<String> formats();

    /** The file name extension of what {@link #write} produces for one document, without the dot, e.g. {@code xml}. */
    String fileExtension();

    /** The media type of what {@link #write} produces for one document, e.g. {@code application/xml}. */
    String contentType();

    /**
     * Writes one document to the stream (without closing it).
     *
     * @throws ExportFormatException when the document cannot be expressed in this format, naming what is missing or
     *                               wrong (e.g. the company's settings that are not configured, the partner's
     *                               master data the format requires), for the person exporting
     * @throws IOException           when writing fails
     */
    void write(ReceivableExport document, OutputStream out) throws ExportFormatException, IOException;
}
