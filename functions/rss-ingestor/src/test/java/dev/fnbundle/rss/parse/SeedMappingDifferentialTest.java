package dev.fnbundle.rss.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.common.testing.Python;
import dev.fnbundle.rss.model.Entry;
import dev.fnbundle.rss.testing.SeedMappingScript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ours against the seed tutorial's parser (xmltodict with force_list={"item"} and its item mapping) on a
 * generated feed whose descriptions are inline HTML with single spaces, where the seed's rule (strip tags with a
 * regex, keep the first 200 characters, strip) and ours (HTML to text, collapse whitespace, first 200 code points)
 * must agree exactly. Dates: the seed keeps the raw string; Python's email.utils reads it for the comparison.
 */
class SeedMappingDifferentialTest {
    /** Exits 3 when xmltodict is missing (the test is then skipped), before the mapping imports it. */
    private static final String SEED_SCRIPT = """
            import sys
            try:
                import xmltodict
            except ImportError:
                sys.exit(3)
            """ + SeedMappingScript.withDriver("""
            import json
            articles = seed_articles(sys.argv[1])
            for a in articles:
                a["published"] = iso_date(a["published"])
            json.dump(articles, sys.stdout)
            """);

    @Test
    void titles_links_summaries_and_dates_equal_the_seed_mapping(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path feed = dir.resolve("feed.xml");
        try (InputStream in = new GeneratedFeedStream(3000, 7)) {
            Files.write(feed, in.readAllBytes());
        }
        Path script = dir.resolve("seed.py");
        Files.writeString(script, SEED_SCRIPT);

        JsonNode seed = runPython(script, feed);
        List<Entry> ours = new ArrayList<>();
        try (InputStream in = Files.newInputStream(feed)) {
            new FeedParser().parse(in, null, null, ours::add);
        }

        assertThat(ours).hasSize(seed.size()).hasSize(3000);
        int capped = 0;
        for (int i = 0; i < ours.size(); i++) {
            Entry entry = ours.get(i);
            JsonNode expected = seed.get(i);
            assertThat(entry.title()).as("title %d", i).isEqualTo(expected.get("title").asText());
            assertThat(entry.link()).as("link %d", i).isEqualTo(expected.get("link").asText());
            assertThat(entry.summary()).as("summary %d", i).isEqualTo(expected.get("summary").asText());
            assertThat(entry.published()).as("published %d", i).hasToString(expected.get("published").asText());
            capped += entry.summary().codePointCount(0, entry.summary().length()) >= 199 ? 1 : 0;
        }
        assertThat(capped).as("items whose summary reached the 200 cap").isGreaterThan(100);
    }

    private static JsonNode runPython(Path script, Path feed) throws IOException {
        Python.Completed python = Python.run(script.toString(), feed.toString());
        Assumptions.assumeTrue(python.exitCode() != 3, "xmltodict not installed: differential test skipped");
        return new ObjectMapper().readTree(python.orFail().stdout());
    }
}
