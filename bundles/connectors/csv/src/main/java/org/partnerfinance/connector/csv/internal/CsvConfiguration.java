package org.partnerfinance.connector.csv.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * How the ERP's CSV looks: separator, date and decimal format, and which column holds what (by header name). The
 * defaults read the portal's own layout, documented in docs/integrators.md.
 */
@ObjectClassDefinition(name = "Partner Finance Portal: CSV connector",
        description = "Invoices and credit notes from CSV files, one row per document line; rows of one document "
                + "follow each other (etc/org.partnerfinance.connector.csv.cfg).")
@interface CsvConfiguration {

    @AttributeDefinition(name = "Separator", description = "One character, e.g. , or ; (\\t for a tab)")
    String separator() default ",";

    @AttributeDefinition(name = "Decimal comma", description = "Numbers are written 1234,56 instead of 1234.56")
    boolean decimal_comma() default false;

    @AttributeDefinition(name = "Date pattern", description = "java.time pattern of the dates, e.g. dd.MM.yyyy")
    String date_pattern() default "yyyy-MM-dd";

    @AttributeDefinition(name = "Source system", description = "Recorded with every document as its source")
    String source_system() default "csv";

    @AttributeDefinition(name = "Direction when no column says it", description = "receivable or payable")
    String default_direction() default "receivable";

    @AttributeDefinition(name = "Column: partner id") String column_partner() default "partner";
    @AttributeDefinition(name = "Column: direction (optional)") String column_direction() default "direction";
    @AttributeDefinition(name = "Column: kind, invoice or credit-note (optional)") String column_kind() default "kind";
    @AttributeDefinition(name = "Column: document number") String column_number() default "number";
    @AttributeDefinition(name = "Column: issue date") String column_issue_date() default "issue_date";
    @AttributeDefinition(name = "Column: due date (optional)") String column_due_date() default "due_date";
    @AttributeDefinition(name = "Column: currency") String column_currency() default "currency";
    @AttributeDefinition(name = "Column: line description") String column_description() default "description";
    @AttributeDefinition(name = "Column: quantity") String column_quantity() default "quantity";
    @AttributeDefinition(name = "Column: unit price (net)") String column_unit_price() default "unit_price";
    @AttributeDefinition(name = "Column: tax category (optional)") String column_tax_category() default "tax_category";
    @AttributeDefinition(name = "Column: tax rate in percent (optional)") String column_tax_rate() default "tax_rate";
    @AttributeDefinition(name = "Column: document gross total, checked (optional)") String column_gross() default "gross";
    @AttributeDefinition(name = "Column: number of the credited invoice (optional)") String column_credited() default "credited";
}
