package dev.fnbundle.configaudit.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.common.json.Json;
import dev.fnbundle.configaudit.audit.AuditRequest;
import dev.fnbundle.configaudit.audit.DriftAuditor;
import dev.fnbundle.configaudit.service.AuditSource;
import dev.fnbundle.configaudit.service.StoredAudit;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResponseBudgetTest {
    private static final int LINES = 400;

    /** Every line of a 400-line config changed: a report of some 30 KB. */
    private static StoredAudit rewrite() {
        var a = new StringBuilder();
        var b = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            a.append("host").append(i).append(" = old-").append(i).append('\n');
            b.append("host").append(i).append(" = new-").append(i).append('\n');
        }
        var report = new DriftAuditor().audit(new AuditRequest("svc", a.toString(), b.toString(), "properties",
                null, null, null));
        return new StoredAudit("id-1", Instant.parse("2026-11-25T10:00:00Z"), AuditSource.API, null, report);
    }

    @Test
    void a_view_within_the_budget_is_returned_whole() {
        var view = AuditView.of(rewrite());

        assertThat(new ResponseBudget(1_000_000).fit(view)).isSameAs(view);
    }

    @Test
    void an_oversized_view_drops_the_diff_and_shortens_its_lists_but_keeps_full_counts() {
        // given
        var view = AuditView.of(rewrite());
        var budget = new ResponseBudget(6_000);
        // when
        var fitted = budget.fit(view);
        // then
        String json = Json.write(fitted);
        assertThat(ResponseBudget.escapedSize(json, 0, json.length())).isLessThanOrEqualTo(6_000);
        assertThat(fitted.truncated()).isTrue();
        assertThat(fitted.unifiedDiff()).isNull();
        assertThat(fitted.addedLines()).hasSize(10);
        assertThat(fitted.counts().addedLines()).isEqualTo(LINES);
        assertThat(fitted.similarity()).isEqualTo(view.similarity());
    }

    @Test
    void an_oversized_diff_is_cut_at_a_line_and_says_how_much_is_shown() {
        String diff = rewrite().report().unifiedDiff();

        String cut = new ResponseBudget(2_000).fitText(diff);

        assertThat(ResponseBudget.escapedSize(cut, 0, cut.length())).isLessThanOrEqualTo(2_000);
        String shown = cut.substring(0, cut.indexOf("\\ diff truncated"));
        assertThat(diff).startsWith(shown);
        assertThat(shown).endsWith("\n");
        assertThat(cut).endsWith(" of " + diff.chars().filter(c -> c == '\n').count()
                + " lines shown (response size limit); the audit's counts are complete\n");
    }

    @Test
    void an_oversized_page_shows_its_first_rows_under_a_title_saying_so() {
        var audit = rewrite();

        String page = new ResponseBudget(20_000).fitHtml(audit);

        assertThat(ResponseBudget.escapedSize(page, 0, page.length())).isLessThanOrEqualTo(20_000);
        assertThat(page).contains("(truncated: first ").contains(" of " + LINES + " rows shown)")
                .contains("<td class=\"n\">1</td>").doesNotContain("<td class=\"n\">400</td>")
                .endsWith("</html>\n");
        assertThat(new ResponseBudget(10_000_000).fitHtml(audit)).isEqualTo(DriftAuditor.html(audit.report()));
    }

    @Test
    void escaped_size_counts_json_escapes_and_utf8_bytes() {
        String s = "a\"\\\n\u0001\u00e9\u20ac\uD83D\uDE00";

        assertThat(ResponseBudget.escapedSize(s, 0, s.length())).isEqualTo(Json.write(s).getBytes(
                java.nio.charset.StandardCharsets.UTF_8).length - 2);
    }
}
