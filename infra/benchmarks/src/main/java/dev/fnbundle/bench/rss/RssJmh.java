package dev.fnbundle.bench.rss;

import dev.fnbundle.rss.model.ParsedFeed;
import dev.fnbundle.rss.parse.FeedParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** JMH: the streaming feed parser over the whole benchmark file, every entry handed to a consumer. */
@State(Scope.Benchmark)
public class RssJmh {
    @Param("")
    public String file;

    private final FeedParser parser = new FeedParser();

    @Benchmark
    public ParsedFeed parse(Blackhole entries) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return parser.parse(in, null, URI.create("https://bench.example.com/feed.xml"), entries::consume);
        }
    }
}
