package org.partnerfinance.connectors.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.Test;
import org.partnerfinance.connectors.api.ImportLimitException;

public class MeteredStreamTest {

    @Test
    public void countsAndDigestsTheWholeFileEvenWhatTheConnectorLeftUnread() throws Exception {
        byte[] content = "partner,number\nP-1,INV-1\n".getBytes(StandardCharsets.UTF_8);
        MeteredStream stream = new MeteredStream(new ByteArrayInputStream(content), 1000);
        assertEquals('p', stream.read());
        assertEquals(4, stream.skip(4));
        String sha = stream.finishDigest();
        assertEquals(content.length, stream.count());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)), sha);
    }

    @Test
    public void aFileExactlyAtTheLimitPassesOneByteMoreIsRefusedWithoutReadingOn() throws Exception {
        MeteredStream exact = new MeteredStream(new ByteArrayInputStream(new byte[100]), 100);
        assertEquals(100, exact.readAllBytes().length);

        Endless endless = new Endless();
        MeteredStream over = new MeteredStream(endless, 100);
        ImportLimitException e = assertThrows(ImportLimitException.class, over::readAllBytes);
        assertEquals(100, e.limit());
        assertEquals("never more than one byte past the limit is read", 101, endless.served);
    }

    @Test
    public void closingItLeavesTheCallersStreamOpen() throws Exception {
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[] { 1, 2, 3 });
        new MeteredStream(in, 10).close();
        assertEquals(1, in.read());
    }

    @Test
    public void recordsOnlyTheNameOfAFileNeverAPath() {
        assertEquals("invoices.csv", ImportServiceImpl.fileName("/etc/../tmp/invoices.csv"));
        assertEquals("x.xml", ImportServiceImpl.fileName("C:\\Users\\ERP\\x.xml"));
        assertEquals("upload", ImportServiceImpl.fileName("  "));
        assertEquals("upload", ImportServiceImpl.fileName("dir/"));
        assertEquals("ab.csv", ImportServiceImpl.fileName("a\nb.csv"));
    }

    /** A stream without end that counts what it served. */
    private static final class Endless extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            served += len;
            return len;
        }
    }
}
