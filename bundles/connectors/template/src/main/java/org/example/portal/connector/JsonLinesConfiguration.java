package org.example.portal.connector;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The connector's settings, in {@code etc/org.example.portal.connector.jsonl.cfg}; the portal's Connectors screen
 * and Karaf's {@code config:} commands show them from this Metatype description.
 */
@ObjectClassDefinition(name = "Example connector: invoices as JSON lines",
        description = "Reads invoices of an ERP that writes one JSON object per line.")
@interface JsonLinesConfiguration {

    @AttributeDefinition(name = "Source system", description = "Recorded on every document as its source system.")
    String source_system() default "example-erp";

    @AttributeDefinition(name = "Default tax category",
            description = "UNCL 5305 tax category of lines that name none (S standard, Z zero, E exempt, O outside).")
    String default_tax_category() default "S";
}
