package org.partnerfinance.connectors.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.partnerfinance.connectors.api.ImportLimitException;

/**
 * The file of a run as a connector reads it: counts the bytes, digests them (SHA-256) and refuses to read past the
 * size limit, so that an oversized file is never read whole. Closing it does not close the underlying stream (the
 * caller owns it).
 */
final class MeteredStream extends FilterInputStream {

    private final long limit;
    private final MessageDigest digest;
    private long count;
    private boolean ended;

    MeteredStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        // never more than one byte past the limit, to tell "exactly at the limit" from "over it"
        int n = super.read(b, off, (int) Math.min(len, limit - count + 1));
        if (n < 0) {
            ended = true;
            return n;
        }
        count += n;
        if (count > limit) {
            throw new ImportLimitException(limit);
        }
        digest.update(b, off, n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes must still be counted and digested
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: a reset would count and digest bytes twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    @Override
    public void close() {
        // the caller owns the underlying stream
    }

    long count() {
        return count;
    }

    /**
     * Reads what the connector left unread (to digest the whole file) and returns the SHA-256 in hex, or {@code null}
     * when the rest cannot be read (the run reports the failure itself).
     */
    String finishDigest() throws IOException {
        if (!ended) {
            byte[] buffer = new byte[8192];
            while (read(buffer, 0, buffer.length) >= 0) {
                // digesting the rest
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
