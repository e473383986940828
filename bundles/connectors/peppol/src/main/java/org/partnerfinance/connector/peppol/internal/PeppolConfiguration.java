package org.partnerfinance.connector.peppol.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Limits and choices of the Peppol connector (etc/org.partnerfinance.connector.peppol.cfg). */
@ObjectClassDefinition(name = "Partner Finance Portal: Peppol BIS Billing 3.0 connector",
        description = "UBL 2.1 invoices and credit notes (Peppol BIS Billing 3.0), one document per file "
                + "(etc/org.partnerfinance.connector.peppol.cfg).")
@interface PeppolConfiguration {

    @AttributeDefinition(name = "Largest file (bytes)", description = "A UBL file is one document and is read whole; "
            + "a larger file is refused before it is parsed. The import's own limit (connectors core) applies too.")
    long max_file_bytes() default 10L * 1024 * 1024;

    @AttributeDefinition(name = "Validate against the UBL 2.1 schema",
            description = "Refuse a document that is not valid UBL 2.1 (XSD), naming the first problems")
    boolean validate_schema() default true;

    @AttributeDefinition(name = "Apply credit notes to the invoice they name",
            description = "A credit note's BillingReference names the invoice it credits; when on, that invoice must "
                    + "be in the portal and the credit note is applied to it")
    boolean apply_credit_notes() default true;

    @AttributeDefinition(name = "Source system", description = "Recorded with every imported document as its source")
    String source_system() default "peppol";
}
