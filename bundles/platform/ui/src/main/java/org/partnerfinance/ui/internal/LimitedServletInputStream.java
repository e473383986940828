package org.partnerfinance.ui.internal;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body that may be read up to a number of bytes: reading past it fails with {@link BodyTooLargeException}
 * at once, so a chunked body (whose size is not announced) is cut off at the limit instead of being read whole.
 */
final class LimitedServletInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private final Runnable onLimit;
    private long count;
    private boolean tripped;

    LimitedServletInputStream(ServletInputStream in, long limit) {
        this(in, limit, () -> { });
    }

    /** @param onLimit run once, when the body first goes over the limit (before the exception is thrown) */
    LimitedServletInputStream(ServletInputStream in, long limit, Runnable onLimit) {
        this.in = in;
        this.limit = limit;
        this.onLimit = onLimit;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // never ask for more than one byte beyond the limit: the body is not read further than needed to see it is
        // too large
        long allowed = limit - count + 1;
        int n = in.read(buffer, offset, (int) Math.min(length, Math.max(1, allowed)));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, limit - count + 1));
        counted(skipped);
        return skipped;
    }

    private void counted(long n) throws BodyTooLargeException {
        count += n;
        if (count > limit) {
            if (!tripped) {
                tripped = true;
                onLimit.run();
            }
            throw new BodyTooLargeException(limit);
        }
    }

    /** Bytes read so far. */
    long count() {
        return count;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
