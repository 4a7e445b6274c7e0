package dev.fnbundle.rss.parse;

import dev.fnbundle.rss.model.ParsedFeed;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run in a child JVM by {@link FeedMemoryTest}: streams a generated feed through the parser and writes
 * "entries bytesGenerated peakHeapBytes" to the file named by the second argument.
 */
public final class FeedMemoryProbe {
    private FeedMemoryProbe() {
    }

    public static void main(String[] args) throws IOException {
        int items = Integer.parseInt(args[0]);
        AtomicLong complete = new AtomicLong();
        CountingStream in = new CountingStream(new GeneratedFeedStream(items, 42));
        ParsedFeed parsed = new FeedParser().parse(in, null, null, entry -> {
            if (entry.title() != null && entry.link() != null && entry.summary() != null
                    && entry.published() != null) {
                complete.incrementAndGet();
            }
        });
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        Files.writeString(Path.of(args[1]), parsed.entryCount() + " " + complete.get() + " " + in.count() + " "
                + peak);
    }

    /** Counts the bytes the parser consumed. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
