package dev.fnbundle.bench.rss;

import dev.fnbundle.rss.model.Entry;
import dev.fnbundle.rss.model.ParsedFeed;
import dev.fnbundle.rss.parse.FeedParser;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The measured side, run in its own JVM with a capped heap: parse the file once, report figures and samples. */
final class RssParseChild {
    static final int SAMPLE_EVERY = 1000;

    private RssParseChild() {
    }

    static void run(Path feed, Path samplesFile, Path statsFile) throws IOException {
        List<String> samples = new ArrayList<>();
        long[] count = {0};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ParsedFeed parsed;
        try (InputStream in = Files.newInputStream(feed)) {
            parsed = new FeedParser().parse(in, null, URI.create("https://bench.example.com/feed.xml"), entry -> {
                count[0]++;
                if (count[0] % SAMPLE_EVERY == 0) {
                    samples.add(sample(count[0] - 1, entry));
                }
            });
        }
        long nanos = System.nanoTime() - start;
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        Files.write(samplesFile, samples, StandardCharsets.UTF_8);
        Files.writeString(statsFile, "entries=" + parsed.entryCount() + "\nseconds=" + nanos / 1e9
                + "\ncpuSeconds=" + cpuNanos / 1e9 + "\npeakHeapBytes=" + peakHeap
                + "\nmaxHeapBytes=" + Runtime.getRuntime().maxMemory() + "\nwarnings=" + parsed.warnings().size()
                + "\n");
    }

    private static String sample(long index, Entry entry) {
        return index + "\t" + b64(entry.title()) + "\t" + b64(entry.link()) + "\t" + b64(entry.summary()) + "\t"
                + (entry.published() == null ? "-" : entry.published().toString());
    }

    static String b64(String value) {
        return value == null ? "-" : Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
