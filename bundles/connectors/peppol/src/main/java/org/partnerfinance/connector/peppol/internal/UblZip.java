package org.partnerfinance.connector.peppol.internal;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.partnerfinance.connectors.api.ImportFormatException;
import org.partnerfinance.connectors.api.ImportLimitException;

/**
 * A zip of UBL files, read as a stream one entry at a time, so that many documents are one run (its start and end are
 * written once, the documents commit in the core's batches) without the zip or its content in memory: only the entry
 * being read is, at most one document's limit.
 *
 * <p>A zip is hostile input like any upload, so it is read within limits, each ending the run with the reason: the
 * number of entries, the total size unpacked, the ratio of unpacked to packed bytes (a zip bomb inflates a few
 * kilobytes into gigabytes; the ratio is checked on the bytes read so far, after {@link #RATIO_GRACE_BYTES}, so the
 * bomb is stopped while it inflates), and each entry's size. Entry names are never used: not as paths, not to choose
 * what to read (every file entry is read as a document), not as the kept original's name — an archive's names are
 * the sender's to choose and may be anything ({@code ../../etc/passwd}).
 */
final class UblZip {

    /** The local file header's signature: a file starting with it is read as a zip. */
    static final byte[] MAGIC = {'P', 'K', 3, 4};
    /** Unpacked bytes allowed before the ratio is checked: small, well-compressible archives are not refused. */
    static final long RATIO_GRACE_BYTES = 1024 * 1024;

    /** The limits a zip is read within. */
    record Limits(int maxEntries, long maxTotalBytes, int maxRatio) {
        static final Limits DEFAULT = new Limits(10_000, 1024L * 1024 * 1024, 100);

        Limits {
            if (maxEntries < 1 || maxTotalBytes < 1 || maxRatio < 1) {
                throw new IllegalArgumentException("Zip limits must be at least 1: entries " + maxEntries
                        + ", bytes " + maxTotalBytes + ", ratio " + maxRatio);
            }
        }
    }

    /** What is done with each entry's bytes, in the order of the archive. */
    @FunctionalInterface
    interface EntryReader {
        /** @param position the entry's position among the file entries, from 1 */
        void entry(int position, byte[] content) throws ImportFormatException, IOException;
    }

    private UblZip() {
    }

    /** Whether {@code head} (the file's first bytes) starts like a zip. */
    static boolean isZip(byte[] head, int length) {
        if (length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads every file entry of the zip, in order, handing its bytes to {@code reader}.
     *
     * @param maxEntryBytes the largest entry (one document's limit)
     * @throws ImportFormatException when a limit is passed, the zip is damaged, or it holds no file
     */
    static void read(InputStream in, Limits limits, long maxEntryBytes, EntryReader reader)
            throws ImportFormatException, IOException {
        Counting packed = new Counting(in);
        int entries = 0;
        long unpacked = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(packed)) {
            for (ZipEntry entry; (entry = nextEntry(zip, entries)) != null;) {
                if (entry.isDirectory()) {
                    continue;
                }
                entries++;
                if (entries > limits.maxEntries()) {
                    throw new ImportFormatException("The zip holds more than " + limits.maxEntries()
                            + " files, the Peppol connector's limit (zip.max.entries in etc/" + PeppolConnector.PID
                            + ".cfg); the files before were read.");
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                for (int n; (n = read(zip, buffer, entries)) >= 0;) {
                    unpacked += n;
                    if (content.size() + (long) n > maxEntryBytes) {
                        throw new ImportFormatException("File " + entries + " of the zip is larger than "
                                + maxEntryBytes + " bytes unpacked, the Peppol connector's limit for one UBL document "
                                + "(max.file.bytes in etc/" + PeppolConnector.PID + ".cfg).");
                    }
                    if (unpacked > limits.maxTotalBytes()) {
                        throw new ImportFormatException("The zip unpacks to more than " + limits.maxTotalBytes()
                                + " bytes, the Peppol connector's limit (zip.max.bytes in etc/" + PeppolConnector.PID
                                + ".cfg); refused at file " + entries + ".");
                    }
                    if (unpacked > RATIO_GRACE_BYTES && unpacked > (long) limits.maxRatio() * packed.count) {
                        throw new ImportFormatException("The zip unpacks to more than " + limits.maxRatio()
                                + " times its packed size (" + unpacked + " bytes from " + packed.count
                                + " at file " + entries + "), as a zip bomb does; refused (zip.max.ratio in etc/"
                                + PeppolConnector.PID + ".cfg).");
                    }
                    content.write(buffer, 0, n);
                }
                reader.entry(entries, content.toByteArray());
            }
        }
        if (entries == 0) {
            throw new ImportFormatException("The zip holds no file.");
        }
    }

    private static ZipEntry nextEntry(ZipInputStream zip, int entriesRead) throws ImportFormatException, IOException {
        try {
            return zip.getNextEntry();
        } catch (ImportLimitException e) {
            throw e;
        } catch (IOException e) {
            throw damaged(e, entriesRead + 1);
        }
    }

    private static int read(ZipInputStream zip, byte[] buffer, int entry) throws ImportFormatException, IOException {
        try {
            return zip.read(buffer);
        } catch (ImportLimitException e) {
            // the size limit of the whole upload is the core's to report as it is
            throw e;
        } catch (IOException e) {
            throw damaged(e, entry);
        }
    }

    private static ImportFormatException damaged(IOException e, int entry) {
        String why = e.getMessage() == null || e.getMessage().isBlank() ? "damaged or not a zip"
                : "damaged or not a zip (" + e.getMessage() + ")";
        return new ImportFormatException("The zip cannot be read at file " + entry + ": " + why
                + "; the files before were read.", e);
    }

    /** Counts the packed bytes the zip reader takes from the file. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += Math.max(0, skipped);
            return skipped;
        }
    }
}
