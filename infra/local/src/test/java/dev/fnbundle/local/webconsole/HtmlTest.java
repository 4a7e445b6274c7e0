package dev.fnbundle.local.webconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.local.observe.InvocationRecord;
import dev.fnbundle.local.observe.LogLevel;
import dev.fnbundle.local.observe.LogLine;
import dev.fnbundle.local.observe.Trigger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's one way to make markup: whatever clients stored becomes text, and links keep their scheme. */
class HtmlTest {
    private static final String XSS = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>'javascript:x\u2028y";

    @Test
    void escape_turns_every_markup_character_and_the_line_separators_into_references() {
        assertThat(Html.escape(XSS)).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x"
                + " onerror=alert(2)&gt;&#39;javascript:x&#x2028;y");
        assertThat(Html.escape("a\u2029b & c")).isEqualTo("a&#x2029;b &amp; c");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void of_escapes_values_but_keeps_html_fragments_and_the_template() {
        Html inner = Html.of("<b>{}</b>", "<i>");

        Html outer = Html.of("<td title=\"{}\">{} {}</td>", "\"onmouseover=x", inner, null);

        assertThat(outer.markup()).isEqualTo("<td title=\"&quot;onmouseover=x\"><b>&lt;i&gt;</b> </td>");
    }

    @Test
    void of_refuses_a_template_whose_placeholders_do_not_match_the_values() {
        assertThatThrownBy(() -> Html.of("{} {}", "one")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Html.of("{}", "one", "two")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "//evil.example/x", "\"><script>", "a b/c?d=e&f"})
    void a_link_keeps_its_constant_path_whatever_the_segment_and_query(String value) {
        var query = new LinkedHashMap<String, String>();
        query.put("pk", value);
        query.put("empty", "");

        String href = Html.url("/_local/console/tables/", value, "/item", query).markup();

        assertThat(href).startsWith("/_local/console/tables/").doesNotContain("<", ">", "\"", " ", "javascript:")
                .contains("/item?pk=").doesNotContain("empty=");
    }

    @Test
    void a_log_line_an_invocation_row_and_a_mail_subject_show_stored_markup_as_text() {
        var line = new LogLine(7, Instant.EPOCH, "Fn", 1, "req-" + XSS, LogLevel.ERROR, XSS);
        var record = new InvocationRecord(8, "id-" + XSS, "Fn", 1, Trigger.route("GET /x/" + XSS), Instant.EPOCH,
                1, -1, 1, 128, 64, "error", XSS, XSS, XSS);
        var mail = new MailOperations.Folder("INBOX" + XSS, 1, 1, List.of(new MailOperations.Summary(1, XSS, XSS,
                Instant.EPOCH, false, XSS)));

        for (Html html : List.of(LogsPage.row(line), InvocationsPage.row(record), MailPage.folder(mail))) {
            assertThat(html.markup()).doesNotContain("<script", "<img", "\u2028").contains("&lt;script&gt;");
        }
    }

    @Test
    void percentile_is_the_nearest_rank_and_missing_without_values() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

        assertThat(OverviewPage.percentile(sorted, 50)).isEqualTo(5);
        assertThat(OverviewPage.percentile(sorted, 99)).isEqualTo(10);
        assertThat(OverviewPage.percentile(new double[0], 50)).isEqualTo(-1);
    }

    @Test
    void path_segments_are_decoded_one_by_one() {
        assertThat(WebConsole.segments("queues/Work%2FQueue/send/")).containsExactly("queues", "Work/Queue", "send");
        assertThat(WebConsole.segments("")).isEmpty();
        assertThat(ConsoleExchange.decode("id=a&id=b&x=%3C", 100)).isEqualTo(Map.of("id", "a\nb", "x", "<"));
    }
}
