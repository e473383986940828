package org.partnerfinance.documents.export.internal;

import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentRenderer;
import org.partnerfinance.documents.api.Statement;
import org.partnerfinance.partner.api.Partner;

/**
 * The documents' PDF (Apache PDFBox) and CSV (Apache Commons CSV) renderer. It renders what it is given and reads
 * nothing itself: the caller has already been allowed to read the document or statement.
 */
@Component(service = DocumentRenderer.class, configurationPid = PdfCsvDocumentRenderer.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PdfCsvDocumentRenderer.Config.class)
public class PdfCsvDocumentRenderer implements DocumentRenderer {

    static final String PID = "org.partnerfinance.documents.export";

    @ObjectClassDefinition(name = "Partner Finance documents export",
            description = "How invoices, credit notes and statements are rendered as PDF")
    public @interface Config {
        @AttributeDefinition(name = "Company name",
                description = "The company's name as printed on invoices, credit notes and statements")
        String companyName() default "The company";
    }

    private volatile String companyName = "The company";

    public PdfCsvDocumentRenderer() {
    }

    /** For tests and programs outside OSGi. */
    public PdfCsvDocumentRenderer(String companyName) {
        this.companyName = Objects.requireNonNull(companyName);
    }

    @Activate
    @Modified
    void configure(Config config) {
        String name = config.companyName();
        companyName = name == null || name.isBlank() ? "The company" : name.strip();
    }

    @Override
    public byte[] documentPdf(Document document, Partner partner) {
        return DocumentPdf.render(Objects.requireNonNull(document, "document"), partner, companyName);
    }

    @Override
    public byte[] statementPdf(Statement statement, Partner partner) {
        return StatementPdf.render(Objects.requireNonNull(statement, "statement"), partner, companyName);
    }

    @Override
    public byte[] statementCsv(Statement statement) {
        return StatementCsv.render(Objects.requireNonNull(statement, "statement"));
    }
}
