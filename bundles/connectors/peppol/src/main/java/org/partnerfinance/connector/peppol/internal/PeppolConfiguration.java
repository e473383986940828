package org.partnerfinance.connector.peppol.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Limits and choices of the Peppol connector, and the company's own party data that the export writes as the seller
 * (etc/org.partnerfinance.connector.peppol.cfg). The seller settings are shipped empty: exports are refused, naming
 * the missing settings, until name, VAT id, Peppol id and country are set.
 */
@ObjectClassDefinition(name = "Partner Finance Portal: Peppol BIS Billing 3.0 connector",
        description = "UBL 2.1 invoices and credit notes (Peppol BIS Billing 3.0), one document per file or many "
                + "in a zip: imported, "
                + "and receivables exported with the company as the seller "
                + "(etc/org.partnerfinance.connector.peppol.cfg).")
@interface PeppolConfiguration {

    @AttributeDefinition(name = "Largest file (bytes)", description = "A UBL file (also one in a zip) is one document "
            + "and is read whole; "
            + "a larger file is refused before it is parsed. The import's own limit (connectors core) applies too.")
    long max_file_bytes() default 10L * 1024 * 1024;

    @AttributeDefinition(name = "Largest number of files in a zip", description = "A zip of UBL files is one run "
            + "of many documents; reading stops (the documents before stay) at the file past this number")
    int zip_max_entries() default 10_000;

    @AttributeDefinition(name = "Largest zip unpacked (bytes)", description = "Reading a zip stops when its files "
            + "unpack to more than this in total (the documents before stay)")
    long zip_max_bytes() default 1024L * 1024 * 1024;

    @AttributeDefinition(name = "Largest packing ratio of a zip", description = "Reading a zip stops when it unpacks "
            + "to more than this many times the bytes read of it (a zip bomb), checked after its first megabyte")
    int zip_max_ratio() default 100;

    @AttributeDefinition(name = "Validate against the UBL 2.1 schema",
            description = "Refuse a document that is not valid UBL 2.1 (XSD), naming the first problems")
    boolean validate_schema() default true;

    @AttributeDefinition(name = "Apply credit notes to the invoice they name",
            description = "A credit note's BillingReference names the invoice it credits; when on, that invoice must "
                    + "be in the portal and the credit note is applied to it")
    boolean apply_credit_notes() default true;

    @AttributeDefinition(name = "Source system", description = "Recorded with every imported document as its source")
    String source_system() default "peppol";

    @AttributeDefinition(name = "Seller name", description = "The company's legal name as invoices name the seller "
            + "(BT-27); exports are refused while it is empty")
    String seller_name() default "";

    @AttributeDefinition(name = "Seller VAT id", description = "The company's VAT identifier with its country prefix, "
            + "e.g. DE123456789 (BT-31); exports are refused while it is empty")
    String seller_vat_id() default "";

    @AttributeDefinition(name = "Seller Peppol id", description = "The company's Peppol participant id as "
            + "scheme:value, e.g. 0088:5790000435968 or 9930:DE123456789 (electronic address, BT-34); exports are "
            + "refused while it is empty")
    String seller_peppol_id() default "";

    @AttributeDefinition(name = "Seller legal registration id", description = "The company's registration number "
            + "(e.g. commercial register), written as the legal entity's id (BT-30); optional")
    String seller_legal_id() default "";

    @AttributeDefinition(name = "Seller street", description = "Street and number (BT-35); optional")
    String seller_street() default "";

    @AttributeDefinition(name = "Seller postal code", description = "Postal code (BT-38); optional")
    String seller_postal_code() default "";

    @AttributeDefinition(name = "Seller city", description = "City (BT-37); optional")
    String seller_city() default "";

    @AttributeDefinition(name = "Seller country", description = "ISO 3166-1 alpha-2 country code, e.g. DE (BT-40); "
            + "exports are refused while it is empty")
    String seller_country() default "";

    @AttributeDefinition(name = "Seller IBAN", description = "The company's account partners pay invoices to, "
            + "written as the payment means (credit transfer, BT-84); empty: invoices carry no payment means")
    String seller_iban() default "";

    @AttributeDefinition(name = "Seller BIC", description = "The BIC of the company's bank (BT-86); optional")
    String seller_bic() default "";
}
