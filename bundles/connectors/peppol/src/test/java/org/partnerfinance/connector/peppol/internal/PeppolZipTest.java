package org.partnerfinance.connector.peppol.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.Test;
import org.partnerfinance.connectors.api.ImportFormatException;
import org.partnerfinance.connectors.api.ImportSource;
import org.partnerfinance.documents.api.DocumentKind;

/**
 * Zips of UBL files on the official Peppol BIS Billing 3.0 examples (src/test/resources/peppol), and hostile zips: too
 * many files, too many bytes, a zip bomb, a file over the document limit, a damaged zip, names that are paths.
 */
public class PeppolZipTest {

    private static final String SUPPLIER_PEPPOL = "0088:9482348239847239874";

    private final Map<String, String> partners = new HashMap<>(Map.of(SUPPLIER_PEPPOL, "P-1001",
            "0088:7300010000001", "P-1002"));

    private PeppolConnector connector(long maxFileBytes, UblZip.Limits limits) {
        return new PeppolConnector(id -> Optional.ofNullable(partners.get(id)), new PeppolConnector.Settings(
                maxFileBytes, true, false, "peppol", UblWriter.Seller.NONE, limits));
    }

    private RecordingSink read(byte[] zip) throws Exception {
        return read(connector(10_000_000, UblZip.Limits.DEFAULT), zip);
    }

    private static RecordingSink read(PeppolConnector connector, byte[] zip) throws Exception {
        RecordingSink sink = new RecordingSink();
        connector.read(source("invoices.zip", zip), sink);
        return sink;
    }

    @Test
    public void everyFileOfAZipIsADocumentInTheOrderOfTheZip() throws Exception {
        List<String> files = List.of("base-example.xml", "Vat-category-S.xml", "vat-category-E.xml",
                "base-creditnote-correction.xml");
        byte[][] contents = new byte[files.size()][];
        String[] names = new String[files.size()];
        for (int i = 0; i < files.size(); i++) {
            contents[i] = PeppolConnectorTest.sample(files.get(i));
            names[i] = "in/" + files.get(i);
        }
        RecordingSink sink = read(zip(names, contents));

        assertEquals(4, sink.handed.size());
        for (int i = 0; i < 4; i++) {
            RecordingSink.Handed h = sink.handed.get(i);
            assertNull(files.get(i) + ": " + h.rejection(), h.rejection());
            assertArrayEquals("each document keeps its own XML", contents[i], h.original().content());
            assertEquals("application/xml", h.original().contentType());
        }
        assertEquals(SUPPLIER_PEPPOL + "/invoice/Snippet1", sink.handed.get(0).externalId());
        assertEquals("Snippet1", sink.handed.get(0).draft().number());
        assertEquals(DocumentKind.CREDIT_NOTE, sink.handed.get(3).draft().kind());
        // the same invoice read as a single file is the same document
        RecordingSink single = new RecordingSink();
        connector(10_000_000, UblZip.Limits.DEFAULT).read(source("base-example.xml", contents[0]), single);
        assertEquals(single.only().draft(), sink.handed.get(0).draft());
    }

    @Test
    public void entryNamesAreNeverUsedNotEvenAsTheKeptOriginalsName() throws Exception {
        RecordingSink sink = read(zip(new String[] {"../../../etc/passwd", "/abs/x.txt"},
                new byte[][] {PeppolConnectorTest.sample("base-example.xml"),
                        PeppolConnectorTest.sample("Vat-category-S.xml")}));
        assertEquals(2, sink.handed.size());
        assertEquals("invoice-Snippet1.xml", sink.handed.get(0).original().fileName());
        for (RecordingSink.Handed h : sink.handed) {
            assertNull(h.rejection());
            assertTrue(h.original().fileName(), !h.original().fileName().contains("/")
                    && !h.original().fileName().contains("passwd") && !h.original().fileName().contains("x.txt"));
        }
    }

    @Test
    public void anUnreadableFileInAZipIsRejectedAloneAndTheNextOnesAreRead() throws Exception {
        byte[] doctype = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<Invoice xmlns=\"" + UblReader.INVOICE_NS + "\">&e;</Invoice>").getBytes(StandardCharsets.UTF_8);
        byte[] base = PeppolConnectorTest.sample("base-example.xml");
        byte[] truncated = Arrays.copyOf(base, base.length / 2);
        RecordingSink sink = read(zip(new String[] {"a.xml", "b.xml", "c.pdf", "d.xml", "dir/", "e.xml"},
                new byte[][] {doctype, truncated, "%PDF-1.7".getBytes(StandardCharsets.UTF_8), new byte[0], null,
                        PeppolConnectorTest.sample("Vat-category-S.xml")}));

        assertEquals("a directory is no file; every other entry is", 5, sink.handed.size());
        assertRejected(sink.handed.get(0), "file 1 of the zip", "DOCTYPE");
        assertRejected(sink.handed.get(1), "file 2 of the zip", "ends early");
        assertRejected(sink.handed.get(2), "file 3 of the zip", "not well-formed");
        assertRejected(sink.handed.get(3), "file 4 of the zip", "empty");
        assertNull(sink.handed.get(4).rejection());
        assertTrue(sink.handed.get(4).draft() != null);
    }

    @Test
    public void aZipWithMoreFilesThanTheLimitStopsAtTheFilePastIt() throws Exception {
        byte[] base = PeppolConnectorTest.sample("base-example.xml");
        PeppolConnector connector = connector(10_000_000, new UblZip.Limits(2, 1_000_000_000, 100));
        RecordingSink sink = new RecordingSink();
        ImportFormatException e = refused(connector, sink, zip(new String[] {"1", "2", "3", "4"},
                new byte[][] {base, base, base, base}), "more than 2 files");
        assertTrue(e.getMessage(), e.getMessage().contains("zip.max.entries"));
        assertEquals("the files before the limit were handed over", 2, sink.handed.size());
    }

    @Test
    public void aZipBombIsRefusedWhileItInflates() throws Exception {
        // 64 MB of one byte packs into about 64 KB: a ratio of about 1000
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("bomb.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(bytes.size() < 1_000_000);
        CountingSource source = new CountingSource(bytes.toByteArray());
        RecordingSink sink = new RecordingSink();
        try {
            connector(Long.MAX_VALUE / 2, new UblZip.Limits(10, Long.MAX_VALUE / 2, 100)).read(source, sink);
            fail("a zip bomb was read");
        } catch (ImportFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("more than 100 times its packed size")
                    && e.getMessage().contains("zip bomb"));
        }
        assertTrue(sink.handed.isEmpty());
        assertTrue("stopped after a few megabytes, not at 64 MB: " + source.unpackedHint(),
                source.read < bytes.size());
    }

    @Test
    public void aZipThatUnpacksToMoreThanTheLimitIsRefused() throws Exception {
        byte[] base = PeppolConnectorTest.sample("base-example.xml");
        PeppolConnector connector = connector(10_000_000, new UblZip.Limits(100, 3L * base.length, 100));
        RecordingSink sink = new RecordingSink();
        refused(connector, sink, zip(new String[] {"1", "2", "3", "4"}, new byte[][] {base, base, base, base}),
                "unpacks to more than " + 3L * base.length + " bytes");
        assertEquals(3, sink.handed.size());
    }

    @Test
    public void aFileOfAZipOverTheDocumentLimitIsRefused() throws Exception {
        byte[] base = PeppolConnectorTest.sample("base-example.xml");
        PeppolConnector connector = connector(base.length - 1, UblZip.Limits.DEFAULT);
        RecordingSink sink = new RecordingSink();
        ImportFormatException e = refused(connector, sink, zip(new String[] {"1"}, new byte[][] {base}),
                "File 1 of the zip is larger than " + (base.length - 1) + " bytes");
        assertTrue(e.getMessage().contains("max.file.bytes"));
        assertTrue(sink.handed.isEmpty());
    }

    @Test
    public void aDamagedOrEmptyZipIsRefused() throws Exception {
        byte[] base = PeppolConnectorTest.sample("base-example.xml");
        byte[] whole = zip(new String[] {"1", "2"}, new byte[][] {base, PeppolConnectorTest.sample(
                "Vat-category-S.xml")});
        RecordingSink sink = new RecordingSink();
        refused(connector(10_000_000, UblZip.Limits.DEFAULT), sink, Arrays.copyOf(whole, whole.length - 400),
                "The zip cannot be read at file 2");
        assertEquals("the first file was whole", 1, sink.handed.size());

        refused(connector(10_000_000, UblZip.Limits.DEFAULT), new RecordingSink(),
                zip(new String[] {"empty/"}, new byte[][] {null}), "The zip holds no file");
    }

    @Test
    public void manyFilesAreHandedInTheOrderOfTheZipWhileTheNextAreReadAhead() throws Exception {
        String base = new String(PeppolConnectorTest.sample("base-example.xml"), StandardCharsets.UTF_8);
        int count = 3 * ReadAhead.AHEAD + 1;
        String[] names = new String[count];
        byte[][] contents = new byte[count][];
        for (int i = 0; i < count; i++) {
            names[i] = "f" + i;
            contents[i] = base.replace("<cbc:ID>Snippet1</cbc:ID>", "<cbc:ID>N-" + i + "</cbc:ID>")
                    .getBytes(StandardCharsets.UTF_8);
        }
        RecordingSink sink = read(zip(names, contents));
        assertEquals(count, sink.handed.size());
        for (int i = 0; i < count; i++) {
            assertEquals("N-" + i, sink.handed.get(i).draft().number());
        }
        assertTrue("the reading thread has ended", readingThreads().isEmpty());
    }

    @Test
    public void whenTheSinkFailsTheReadingStopsAndNothingMoreIsHanded() throws Exception {
        byte[] base = PeppolConnectorTest.sample("base-example.xml");
        int count = 4 * ReadAhead.AHEAD;
        String[] names = new String[count];
        byte[][] contents = new byte[count][];
        for (int i = 0; i < count; i++) {
            names[i] = "x" + i + ".xml";
        }
        Arrays.fill(contents, base);
        RecordingSink failing = new RecordingSink() {
            @Override
            public org.partnerfinance.connectors.api.ItemOutcome document(String externalId,
                    org.partnerfinance.documents.api.DocumentDraft draft, Original original) {
                if (handed.size() == 2) {
                    throw new IllegalStateException("storing failed");
                }
                return super.document(externalId, draft, original);
            }
        };
        CountingSource source = new CountingSource(zip(names, contents));
        try {
            connector(10_000_000, UblZip.Limits.DEFAULT).read(source, failing);
            fail("the sink's failure was not passed on");
        } catch (IllegalStateException e) {
            assertEquals("storing failed", e.getMessage());
        }
        assertEquals(2, failing.handed.size());
        assertTrue("the reading thread has ended when read returns", readingThreads().isEmpty());
        assertTrue("the reader stopped a few files ahead, not at the end of the zip",
                source.read < source.content.length);
    }

    private static List<Thread> readingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("pf-peppol-read-ahead") && t.isAlive()).toList();
    }

    @Test
    public void aSingleXmlFileIsStillOneDocument() throws Exception {
        RecordingSink sink = read(PeppolConnectorTest.sample("base-example.xml"));
        assertEquals("Snippet1", sink.only().draft().number());
        assertEquals("invoices.zip", sink.only().original().fileName());
    }

    private static void assertRejected(RecordingSink.Handed h, String label, String reason) {
        assertNull(h.draft());
        assertEquals(label, h.externalId());
        assertTrue(h.rejection(), h.rejection().contains(reason));
    }

    private static ImportFormatException refused(PeppolConnector connector, RecordingSink sink, byte[] zip,
            String expected) throws IOException {
        try {
            connector.read(source("invoices.zip", zip), sink);
        } catch (ImportFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
            return e;
        }
        fail("not refused; handed " + sink.handed);
        return null;
    }

    /** A zip of the given entries; a null content is a directory entry. */
    static byte[] zip(String[] names, byte[][] contents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < names.length; i++) {
                zip.putNextEntry(new ZipEntry(names[i]));
                if (contents[i] != null) {
                    zip.write(contents[i]);
                }
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static ImportSource source(String name, byte[] content) {
        return new ImportSource() {
            @Override
            public String fileName() {
                return name;
            }

            @Override
            public InputStream stream() {
                return new ByteArrayInputStream(content);
            }
        };
    }

    /** A source that counts how much of the packed file was read. */
    private static final class CountingSource implements ImportSource {
        final byte[] content;
        long read;

        CountingSource(byte[] content) {
            this.content = content;
        }

        String unpackedHint() {
            return read + " of " + content.length + " packed bytes read";
        }

        @Override
        public String fileName() {
            return "bomb.zip";
        }

        @Override
        public InputStream stream() {
            return new java.io.FilterInputStream(new ByteArrayInputStream(content)) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        read++;
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        read += n;
                    }
                    return n;
                }
            };
        }
    }
}
