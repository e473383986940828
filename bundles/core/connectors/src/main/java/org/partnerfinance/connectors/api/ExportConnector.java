package org.partnerfinance.connectors.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A connector that writes a file for the bank or an ERP from what finance selected in the portal (1.2), e.g. an ISO
 * 20022 pain.001 credit transfer initiation for scheduled payments to partners.
 *
 * <p>Publish it as a DS service like an {@link ImportConnector}: its {@link #id()} is also the extension id that
 * administrators switch on and off (service property {@code pf.extension.id}); its configuration (e.g. the company's
 * own bank account) is a DS configuration with an OSGi Metatype description.
 *
 * <p>The connector only writes. The core ({@link ExportService}) checks the selection before it calls
 * {@link #write} (only scheduled payments to partners with a valid IBAN), marks the payments as sent to the bank,
 * keeps the file and records the run, all in one unit of work: when {@link #write} throws, nothing of it stays.
 */
@ConsumerType
public interface ExportConnector {

    /** Stable id, lowercase letters, digits and dashes, e.g. {@code pain001}; used in URLs and commands. */
    String id();

    /** Name shown to people, e.g. {@code ISO 20022 pain.001 credit transfers}. */
    String name();

    /** The formats written, e.g. {@code ["pain.001.001.09"]}. */
    List<String> formats();

    /** The file name extension of what {@link #write} produces, without the dot, e.g. {@code xml}. */
    String fileExtension();

    /** The media type of what {@link #write} produces, e.g. {@code application/xml}. */
    String contentType();

    /**
     * Writes one payment order to the stream (without closing it). Called inside the unit of work that marks the
     * payments sent: throwing refuses the export and leaves nothing behind.
     *
     * @throws ExportFormatException when the order cannot be expressed in this format (e.g. an amount or currency the
     *                               format or the configured debtor account does not allow, a missing configuration),
     *                               with a message for the person exporting
     * @throws IOException           when writing fails
     */
    void write(PaymentOrder order, OutputStream out) throws ExportFormatException, IOException;
}
