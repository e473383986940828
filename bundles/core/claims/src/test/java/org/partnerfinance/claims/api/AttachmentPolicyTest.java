package org.partnerfinance.claims.api;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.junit.Test;

public class AttachmentPolicyTest {

    private final AttachmentPolicy policy = new AttachmentPolicy(true, 10_000, Set.of("application/pdf"));

    @Test
    public void aFileUpToTheLimitIsReadWhole() throws IOException {
        byte[] file = new byte[10_000];
        file[9_999] = 7;
        assertArrayEquals(file, policy.read(new ByteArrayInputStream(file)));
        assertEquals(0, policy.read(new ByteArrayInputStream(new byte[0])).length);
    }

    @Test
    public void anEndlessFileIsRefusedOneBytePastTheLimit() {
        long[] taken = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                taken[0]++;
                return 1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                taken[0] += len;
                return len;
            }
        };
        AttachmentTooLargeException e = assertThrows(AttachmentTooLargeException.class, () -> policy.read(endless));
        assertEquals(10_000, e.maxBytes());
        assertEquals(10_001, taken[0]);
    }
}
