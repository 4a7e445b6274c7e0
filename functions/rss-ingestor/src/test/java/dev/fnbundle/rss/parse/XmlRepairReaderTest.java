package dev.fnbundle.rss.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.rss.model.WarningCode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XmlRepairReaderTest {

    /** Hands out one character per read, so every lookahead crosses a buffer boundary. */
    private static final class TrickleReader extends Reader {
        private final Reader in;

        TrickleReader(String text) {
            this.in = new StringReader(text);
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            return len == 0 ? 0 : in.read(cbuf, off, 1);
        }

        @Override
        public void close() {
        }
    }

    private static String repair(Reader in, WarningCollector warnings) {
        try (XmlRepairReader reader = new XmlRepairReader(in, warnings, 10_000, "UTF-8")) {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[7];
            int n;
            while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
                out.append(buffer, 0, n);
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void markup_sections_pass_through_untouched_even_split_across_reads(boolean trickle) {
        String xml = "<r a=\"x &amp; y &nbsp;\"><!-- a & b --]]> --><![CDATA[ &nbsp; < & ]]]>"
                + "<?pi & stuff ??>t &lt;&#38;&#x26;</r>";
        WarningCollector warnings = new WarningCollector(10);

        String out = repair(trickle ? new TrickleReader(xml) : new StringReader(xml), warnings);

        assertThat(out).isEqualTo(xml.replace("y &nbsp;", "y &#160;"));
        assertThat(warnings.toList()).extracting("code").containsExactly(WarningCode.HTML_ENTITY.id());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void a_doctype_is_removed_whole_keeping_its_line_breaks(boolean trickle) {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!ENTITY a \"]>\">\n<!-- ] > ' -->\n"
                + "<!ENTITY b '>'>\n]>\n<r>&a;</r>";
        WarningCollector warnings = new WarningCollector(10);

        String out = repair(trickle ? new TrickleReader(xml) : new StringReader(xml), warnings);

        assertThat(out).isEqualTo("<?xml version=\"1.0\"?>\n\n\n\n\n\n<r>&amp;a;</r>");
        assertThat(warnings.toList()).extracting("code")
                .containsExactly(WarningCode.DOCTYPE_IGNORED.id(), WarningCode.BARE_AMPERSAND.id());
    }

    @Test
    void html_entities_with_two_code_points_become_two_references() {
        WarningCollector warnings = new WarningCollector(10);

        assertThat(repair(new StringReader("<r>&NotEqualTilde;</r>"), warnings)).isEqualTo("<r>&#8770;&#824;</r>");
    }

    @Test
    void a_doctype_after_the_root_is_left_for_the_parser_to_reject() {
        String xml = "<r><!DOCTYPE x></r>";

        assertThat(repair(new StringReader(xml), new WarningCollector(10))).isEqualTo(xml);
    }

    @Test
    void the_document_line_of_the_last_content_is_tracked() {
        WarningCollector warnings = new WarningCollector(10);
        XmlRepairReader reader = new XmlRepairReader(new StringReader("<r>\n<a>\n\n  \n"), warnings, 100, "UTF-8");

        try (reader) {
            while (reader.read() >= 0) {
                // drain
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        assertThat(reader.lastContentLine()).isEqualTo(2);
        assertThat(reader.eofReached()).isTrue();
    }

    @Test
    void warnings_are_deduplicated_and_capped() {
        WarningCollector warnings = new WarningCollector(2);
        for (int i = 0; i < 1000; i++) {
            warnings.add(WarningCode.BAD_DATE, "same", i);
        }
        warnings.add(WarningCode.BAD_URL, "second", 1);
        warnings.add(WarningCode.BAD_URL, "third", 1);
        warnings.add(WarningCode.BAD_URL, "fourth", 1);

        assertThat(warnings.toList()).extracting("code").containsExactly("bad_date", "bad_url", "warnings_capped");
        assertThat(warnings.toList().get(2).message()).isEqualTo("2 more warnings were not listed");
    }
}
