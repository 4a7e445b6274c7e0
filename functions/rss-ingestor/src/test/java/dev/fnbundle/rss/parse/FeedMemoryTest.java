package dev.fnbundle.rss.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedMemoryTest {
    private static final int ITEMS = 200_000;

    @Test
    void a_100_mb_feed_streams_through_a_64_mb_heap(@TempDir Path dir) throws IOException, InterruptedException {
        Path result = dir.resolve("result.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), FeedMemoryProbe.class.getName(),
                String.valueOf(ITEMS), result.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("probe.log").toFile());

        Process probe = builder.start();
        boolean finished = probe.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            probe.destroyForcibly();
        }

        assertThat(finished).as("probe finished").isTrue();
        assertThat(probe.exitValue()).as(Files.readString(dir.resolve("probe.log"))).isZero();
        List<Long> figures = List.of(Files.readString(result).split(" ")).stream().map(Long::parseLong).toList();
        assertThat(figures.get(0)).as("entries").isEqualTo(ITEMS);
        assertThat(figures.get(1)).as("entries with title, link, summary and date").isEqualTo(ITEMS);
        assertThat(figures.get(2)).as("bytes streamed").isGreaterThan(100L * 1000 * 1000);
        assertThat(figures.get(3)).as("peak heap").isLessThan(64L * 1024 * 1024);
        assertThat(new File(result.toString())).exists();
    }
}
