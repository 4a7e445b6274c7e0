package dev.fnbundle.configaudit.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.configaudit.testing.Configs;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class IniParserTest {
    private final IniParser parser = new IniParser();

    @Test
    void seed_template_becomes_section_dot_key_paths() {
        // when
        SortedMap<String, ConfigEntry> keys = parser.parse(Configs.TEMPLATE);
        // then
        assertThat(values(keys)).containsExactlyEntriesOf(new TreeMap<>(Map.of("server.host", "0.0.0.0",
                "server.port", "8080", "server.workers", "4", "server.timeout", "30", "database.host", "db.internal",
                "database.port", "5432", "database.pool_size", "10")));
        assertThat(keys.get("database.port").name()).isEqualTo("port");
    }

    @Test
    void colon_delimiters_comments_case_and_continuations_follow_configparser() {
        // given
        String text = "; leading comment\ntop = 1\n[Main]\nName: demo # kept\n  # indented comment\n"
                + "Motd = first\n   second line\n\nempty =\n";
        // when
        Map<String, String> keys = values(parser.parse(text));
        // then
        assertThat(keys).containsEntry("top", "1").containsEntry("Main.name", "demo # kept")
                .containsEntry("Main.motd", "first\nsecond line").containsEntry("Main.empty", "").hasSize(4);
    }

    @Test
    void repeated_keys_are_all_kept_in_document_order_as_indexed_paths() {
        // when
        Map<String, String> keys = values(parser.parse("[a]\nx = 1\nX = 2\ny = 3\n[b]\nx = 4\n[a]\nx = 5\n"));
        // then: repeated sections continue; a key seen once keeps its plain path
        assertThat(keys).containsExactlyInAnyOrderEntriesOf(Map.of("a.x[0]", "1", "a.x[1]", "2", "a.x[2]", "5",
                "a.y", "3", "b.x", "4"));
    }

    @Test
    void flags_includes_and_inline_comments_are_read_and_other_lines_without_delimiter_are_errors() {
        // when
        Map<String, String> keys = values(parser.parse("!include /etc/x.cnf\n[m]\nquick\nk = v ; kept\n"));
        // then
        assertThat(keys).containsExactlyInAnyOrderEntriesOf(Map.of("!include", "/etc/x.cnf", "m.quick", "",
                "m.k", "v ; kept"));
        assertThatThrownBy(() -> parser.parse("[a]\n  secret value words\n"))
                .isInstanceOfSatisfying(ConfigParseException.class, e -> {
                    assertThat(e.format()).isEqualTo(ConfigFormat.INI);
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(3);
                    assertThat(e.getMessage()).doesNotContain("secret value");
                });
        assertThatThrownBy(() -> parser.parse("[unclosed\n"))
                .isInstanceOfSatisfying(ConfigParseException.class, e -> assertThat(e.line()).isEqualTo(1));
        assertThatThrownBy(() -> parser.parse("[a]\n= value\n"))
                .isInstanceOfSatisfying(ConfigParseException.class, e -> assertThat(e.detail()).isEqualTo("empty key"));
    }

    @Test
    void a_systemd_unit_with_an_execstart_list_and_a_repeated_service_section_parses() {
        // when
        Map<String, String> keys = values(parser.parse(resource("nginx.service")));
        // then
        assertThat(keys).containsEntry("Unit.description", "A high performance web server and a reverse proxy server")
                .containsEntry("Service.execstart[0]", "/usr/sbin/nginx -g 'daemon on; master_process on;'")
                .containsEntry("Service.execstart[1]", "")
                .containsEntry("Service.execstart[2]",
                        "/usr/sbin/nginx -g 'daemon on; master_process on; worker_processes 8;'")
                .containsEntry("Service.environment[0]", "\"NGINX_PORT=8080\"")
                .containsEntry("Service.environment[1]", "\"NGINX_WORKERS=4\"")
                .containsEntry("Install.wantedby", "multi-user.target")
                .doesNotContainKey("Service.execstart");
    }

    @Test
    void a_gitconfig_with_subsections_and_multi_valued_keys_parses() {
        // when
        Map<String, String> keys = values(parser.parse(resource("gitconfig")));
        // then
        assertThat(keys).containsEntry("user.name", "Ada Lovelace")
                .containsEntry("remote \"origin\".url", "https://github.com/example/project.git")
                .containsEntry("remote \"origin\".fetch[0]", "+refs/heads/*:refs/remotes/origin/*")
                .containsEntry("remote \"origin\".fetch[1]", "+refs/pull/*/head:refs/remotes/origin/pr/*")
                .containsEntry("url \"git@github.com:\".insteadof", "https://github.com/")
                .containsEntry("alias.lg", "log --graph --oneline --decorate").hasSize(12);
        assertThat(FormatDetector.detect(resource("gitconfig"))).isEqualTo(ConfigFormat.INI);
    }

    @Test
    void a_php_ini_excerpt_with_comment_banners_and_repeated_extensions_parses() {
        // when
        Map<String, String> keys = values(parser.parse(resource("php.ini")));
        // then
        assertThat(keys).containsEntry("PHP.error_reporting", "E_ALL & ~E_DEPRECATED & ~E_STRICT")
                .containsEntry("PHP.extension[0]", "curl").containsEntry("PHP.extension[2]", "openssl")
                .containsEntry("Session.session.name", "PHPSESSID").doesNotContainKey("PHP.extension[3]")
                .doesNotContainKey("Date.date.timezone");
    }

    @Test
    void a_my_cnf_with_keys_before_any_group_flags_and_an_include_parses_and_marks_its_secret() {
        // when
        ParsedConfig parsed = parser.read(resource("my.cnf"));
        Map<String, String> keys = values(parsed.entries());
        // then
        assertThat(keys).containsEntry("port", "3306").containsEntry("!includedir", "/etc/mysql/conf.d/")
                .containsEntry("mysqld.skip-name-resolve", "").containsEntry("mysqldump.quick", "")
                .containsEntry("mysqld.bind-address", "127.0.0.1");
        assertThat(parsed.entries().get("mysqld.password").secret()).isTrue();
        assertThat(parsed.entries().get("mysqld.key_buffer_size").secret()).isTrue();
        assertThat(parsed.entries().get("mysqld.user").secret()).isFalse();
        String text = resource("my.cnf");
        assertThat(parsed.secretSpans()).extracting(span -> text.substring(span.start(), span.end()))
                .containsExactly("16M", "s3cr3t-mysql-root");
    }

    @Test
    void an_editorconfig_with_glob_sections_parses() {
        // when
        Map<String, String> keys = values(parser.parse(resource("editorconfig")));
        // then
        assertThat(keys).containsEntry("root", "true").containsEntry("*.end_of_line", "lf")
                .containsEntry("*.{js,py}.indent_size", "4")
                .containsEntry("{package.json,.travis.yml}.indent_size", "2")
                .containsEntry("Makefile.indent_style", "tab");
        assertThat(FormatDetector.detect(resource("editorconfig"))).isEqualTo(ConfigFormat.INI);
    }

    @Test
    void values_under_a_secret_section_or_key_are_secret_with_their_continuation_lines() {
        // given
        String text = "[credentials]\nuser = a\n[app]\nprivate_key = line1\n  line2\nname = x\n";
        // when
        ParsedConfig parsed = parser.read(text);
        // then
        assertThat(parsed.entries().get("credentials.user").secret()).isTrue();
        assertThat(parsed.entries().get("app.private_key").value()).isEqualTo("line1\nline2");
        assertThat(parsed.entries().get("app.name").secret()).isFalse();
        assertThat(parsed.secretSpans()).extracting(span -> text.substring(span.start(), span.end()))
                .containsExactly("a", "line1", "line2");
    }

    static String resource(String name) {
        try (var in = IniParserTest.class.getResourceAsStream("/ini/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, String> values(SortedMap<String, ConfigEntry> keys) {
        Map<String, String> out = new TreeMap<>();
        keys.forEach((k, v) -> out.put(k, v.value()));
        return out;
    }
}
