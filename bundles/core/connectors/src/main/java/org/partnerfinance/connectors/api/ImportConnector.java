package org.partnerfinance.connectors.api;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A connector that reads files of one kind (e.g. Peppol UBL invoices, ISO 20022 camt.053 statements, an ERP's CSV) and
 * hands what it finds to the portal, one document at a time.
 *
 * <p>Publish it as a DS service; its {@link #id()} is also the extension id administrators switch on and off (service
 * property {@code pf.extension.id}, like claim types and widgets). Its configuration, if any, is a DS configuration
 * with an OSGi Metatype description ({@code @ObjectClassDefinition} + {@code @Designate}) so that the Connectors
 * screen can show it; secrets belong in properties whose name starts with a dot (private properties).
 */
@ConsumerType
public interface ImportConnector {

    /** Stable id, lowercase letters, digits and dashes, e.g. {@code peppol-ubl}; used in URLs and commands. */
    String id();

    /** Name shown to people, e.g. {@code Peppol BIS Billing 3.0 (UBL 2.1)}. */
    String name();

    /** The formats read, e.g. {@code ["UBL 2.1 Invoice", "UBL 2.1 CreditNote"]}. */
    List<String> formats();

    /**
     * Reads one file from start to end and hands every document (or payment) to the sink as soon as it is complete,
     * without holding the whole file in memory. A document the connector cannot make sense of is reported with
     * {@link ImportSink#reject}; a file that cannot be read on (malformed, truncated, hostile, over the size limit)
     * ends the run with an {@link ImportFormatException} — what the sink accepted before stays, each document being
     * all-or-nothing on its own.
     *
     * @throws ImportFormatException when the file is not of this connector's format or cannot be read to its end
     * @throws IOException           when reading fails (including {@link ImportLimitException} past the size limit)
     */
    void read(ImportSource source, ImportSink sink) throws ImportFormatException, IOException;

    /**
     * The first rows of a file as this connector reads them, without importing anything; empty when the connector
     * offers no preview (e.g. for a format whose documents are not rows).
     *
     * @param rows how many rows at most
     */
    default Optional<Preview> preview(ImportSource source, int rows) throws ImportFormatException, IOException {
        return Optional.empty();
    }
}
