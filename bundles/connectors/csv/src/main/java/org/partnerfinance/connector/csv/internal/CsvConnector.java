package org.partnerfinance.connector.csv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.connectors.api.ImportConnector;
import org.partnerfinance.connectors.api.ImportFormatException;
import org.partnerfinance.connectors.api.ImportSink;
import org.partnerfinance.connectors.api.ImportSource;
import org.partnerfinance.connectors.api.Preview;

/**
 * Invoices and credit notes from an ERP's CSV export: one row per document line, the rows of a document one after the
 * other, columns mapped by header name ({@link CsvConfiguration}). Each document is handed over when its last row has
 * been read, so a file of any size streams; a document with an unreadable row is refused whole, naming each line and
 * value.
 */
@Component(service = ImportConnector.class, configurationPid = CsvConnector.PID, property = {
        "pf.extension.id=" + CsvConnector.ID,
        "pf.extension.kind=connector",
        "pf.extension.name=CSV connector",
        "pf.extension.detail=Invoices and credit notes from CSV files (pf:import csv <file>)" })
@Designate(ocd = CsvConfiguration.class)
public class CsvConnector implements ImportConnector {

    static final String ID = "csv";
    static final String PID = "org.partnerfinance.connector.csv";

    private volatile CsvLayout layout;

    @Activate
    public CsvConnector(CsvConfiguration config) {
        this.layout = new CsvLayout(config);
    }

    CsvConnector(CsvLayout layout) {
        this.layout = layout;
    }

    @Modified
    void modified(CsvConfiguration config) {
        this.layout = new CsvLayout(config);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "CSV invoices and credit notes";
    }

    @Override
    public List<String> formats() {
        return List.of("CSV (RFC 4180), one row per document line, UTF-8");
    }

    @Override
    public void read(ImportSource source, ImportSink sink) throws ImportFormatException, IOException {
        CsvLayout current = layout;
        try (CSVParser parser = open(source.stream(), current)) {
            Map<String, String> headerIndex = headerIndex(parser, current);
            CsvDocument document = null;
            Iterator<CSVRecord> records = parser.iterator();
            while (next(records)) {
                CsvLayout.Row row = current.read(records.next(), headerIndex);
                if (document != null && !document.accepts(row)) {
                    document.handTo(sink, current);
                    document = null;
                }
                if (document == null) {
                    document = new CsvDocument(row);
                } else {
                    document.add(row);
                }
            }
            if (document != null) {
                document.handTo(sink, current);
            }
        }
    }

    @Override
    public Optional<Preview> preview(ImportSource source, int rows) throws ImportFormatException, IOException {
        CsvLayout current = layout;
        List<String> columns = new ArrayList<>();
        for (CsvLayout.Field f : CsvLayout.Field.values()) {
            columns.add(current.headers.get(f));
        }
        List<List<String>> shown = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (CSVParser parser = open(source.stream(), current)) {
            Map<String, String> headerIndex = headerIndex(parser, current);
            Iterator<CSVRecord> records = parser.iterator();
            while (shown.size() < rows && next(records)) {
                CSVRecord record = records.next();
                List<String> values = new ArrayList<>();
                for (CsvLayout.Field f : CsvLayout.Field.values()) {
                    String header = headerIndex.get(current.headers.get(f).toLowerCase(Locale.ROOT));
                    values.add(header != null && record.isSet(header) ? record.get(header) : "");
                }
                shown.add(values);
                CsvLayout.Row row = current.read(record, headerIndex);
                row.problems().forEach(p -> problems.add("line " + row.line() + ": " + p));
            }
        }
        return Optional.of(new Preview(columns, shown, problems));
    }

    /**
     * Opens the file as strict UTF-8 (a byte order mark is skipped; bytes that are not UTF-8 end the run rather than
     * turn into replacement characters in amounts or names) with the header in the first line.
     */
    private static CSVParser open(InputStream in, CsvLayout layout) throws IOException, ImportFormatException {
        PushbackInputStream bom = new PushbackInputStream(in, 3);
        byte[] head = bom.readNBytes(3);
        boolean hasBom = head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
                && (head[2] & 0xff) == 0xBF;
        if (!hasBom && head.length > 0) {
            bom.unread(head);
        }
        Reader reader = new InputStreamReader(bom, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(layout.separator)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setIgnoreSurroundingSpaces(true)
                .setMaxRows(0)
                .get();
        try {
            return CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (CharacterCodingException e) {
            throw new ImportFormatException("The file is not UTF-8 text.", e);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ImportFormatException("The first line is not a CSV header: " + e.getMessage(), e);
        }
    }

    /** Configured header names (lower case) to the file's own spelling; refuses a file without a required column. */
    private static Map<String, String> headerIndex(CSVParser parser, CsvLayout layout) throws ImportFormatException {
        List<String> names = parser.getHeaderNames();
        if (names.isEmpty()) {
            throw new ImportFormatException("The file is empty: the first line must name the columns.");
        }
        List<String> missing = layout.missing(names);
        if (!missing.isEmpty()) {
            throw new ImportFormatException("The file has no column " + String.join(", ", missing)
                    + " (its columns: " + String.join(", ", names) + "). Name them so, or map them in "
                    + "etc/" + PID + ".cfg.");
        }
        Map<String, String> index = new HashMap<>();
        for (String name : names) {
            index.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), name);
        }
        return index;
    }

    /** Whether another record follows; a broken record (e.g. an unclosed quote) ends the run with its position. */
    private static boolean next(Iterator<CSVRecord> records) throws ImportFormatException {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CharacterCodingException) {
                throw new ImportFormatException("The file is not UTF-8 text.", cause);
            }
            throw new ImportFormatException("The file is not valid CSV: " + (cause == null ? e.getMessage()
                    : cause.getMessage()), e);
        } catch (IllegalStateException e) {
            throw new ImportFormatException("The file is not valid CSV: " + e.getMessage(), e);
        }
    }
}
