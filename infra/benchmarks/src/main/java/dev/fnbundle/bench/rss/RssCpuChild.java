package dev.fnbundle.bench.rss;

import dev.fnbundle.bench.report.CpuChild;
import dev.fnbundle.rss.parse.FeedParser;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Child JVM: CPU time of one parse of the feed, the same operation as {@link RssJmh#parse}. */
public final class RssCpuChild {
    private RssCpuChild() {
    }

    public static void main(String[] args) throws Exception {
        FeedParser parser = new FeedParser();
        long[] entries = {0};
        CpuChild.measure(file -> {
            try (InputStream in = Files.newInputStream(file)) {
                return parser.parse(in, null, URI.create("https://bench.example.com/feed.xml"),
                        entry -> entries[0]++).entryCount();
            }
        }, Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    }
}
