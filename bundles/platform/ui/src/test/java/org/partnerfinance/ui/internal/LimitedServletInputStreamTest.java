package org.partnerfinance.ui.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.Test;

public class LimitedServletInputStreamTest {

    /** An endless body that counts what was taken from it. */
    private static final class Endless extends InputStream {
        long taken;

        @Override
        public int read() {
            taken++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = 'x';
            }
            taken += len;
            return len;
        }
    }

    @Test
    public void aBodyUpToTheLimitIsReadWhole() throws IOException {
        byte[] body = new byte[1000];
        LimitedServletInputStream in = new LimitedServletInputStream(
                FakeHttp.servletStream(new java.io.ByteArrayInputStream(body)), 1000);
        assertArrayEquals(body, in.readAllBytes());
        assertEquals(1000, in.count());
    }

    @Test
    public void anEndlessBodyIsCutOffJustAfterTheLimit() {
        Endless source = new Endless();
        LimitedServletInputStream in = new LimitedServletInputStream(FakeHttp.servletStream(source), 10_000);
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class, () -> in.transferTo(
                new ByteArrayOutputStream()));
        assertTrue(e.getMessage(), e.getMessage().contains("10000"));
        assertEquals("read no more than one byte past the limit", 10_001, source.taken);
    }

    @Test
    public void singleByteReadsAreCountedToo() throws IOException {
        Endless source = new Endless();
        LimitedServletInputStream in = new LimitedServletInputStream(FakeHttp.servletStream(source), 3);
        in.read();
        in.read();
        in.read();
        assertThrows(BodyTooLargeException.class, in::read);
        assertEquals(4, source.taken);
    }
}
