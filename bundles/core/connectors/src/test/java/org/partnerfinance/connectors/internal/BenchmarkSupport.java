package org.partnerfinance.connectors.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.partnerfinance.connectors.api.ImportSink;
import org.partnerfinance.connectors.api.ImportSource;
import org.partnerfinance.connectors.api.ItemOutcome;
import org.partnerfinance.connectors.api.ItemWork;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.PaymentDraft;

/**
 * What the connectors' import benchmarks (UBL, CSV, camt) share: the median of their rounds, a fresh working folder,
 * a file handed over as an {@link ImportSource}, and the sink that measures a connector's bare reading.
 */
public final class BenchmarkSupport {

    private BenchmarkSupport() {
    }

    /** The median of the rounds' rates. */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** Deletes a folder and all it holds; nothing when it is not there. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** A stream handed to a connector as a file of this name (one stream: for connectors that read it once). */
    public static ImportSource source(String fileName, InputStream in) {
        return source(fileName, () -> in);
    }

    /** A file's content handed to a connector under this name; every {@code stream()} reads it from the start. */
    public static ImportSource source(String fileName, byte[] content) {
        return source(fileName, () -> new ByteArrayInputStream(content));
    }

    private static ImportSource source(String fileName, Supplier<InputStream> stream) {
        return new ImportSource() {
            @Override
            public String fileName() {
                return fileName;
            }

            @Override
            public InputStream stream() {
                return stream.get();
            }
        };
    }

    /**
     * Counts what a connector hands over, by kind, without storing anything or running an item's work: the "bare
     * parse" a benchmark compares the import with. Keeps the first refusal, to show why a file was not taken.
     */
    public static final class CountingSink implements ImportSink {
        public long documents;
        public long payments;
        public long items;
        public String firstRefusal;

        @Override
        public ItemOutcome document(String externalId, DocumentDraft draft, Original original) {
            documents++;
            return new ItemOutcome(externalId, ItemOutcome.Result.CREATED, documents, null);
        }

        @Override
        public ItemOutcome payment(String externalId, PaymentDraft draft) {
            payments++;
            return new ItemOutcome(externalId, ItemOutcome.Result.CREATED, payments, null);
        }

        @Override
        public ItemOutcome item(String externalId, String label, String content, ItemWork work) {
            items++;
            return new ItemOutcome(externalId, ItemOutcome.Result.CREATED, items, null);
        }

        @Override
        public ItemOutcome reject(String externalId, String reason) {
            if (firstRefusal == null) {
                firstRefusal = externalId + ": " + reason;
            }
            return new ItemOutcome(externalId, ItemOutcome.Result.REJECTED, null, reason);
        }
    }
}
