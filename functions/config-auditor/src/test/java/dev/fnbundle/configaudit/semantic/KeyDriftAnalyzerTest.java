package dev.fnbundle.configaudit.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Semantic drift per format: reordering, whitespace and comments are ignored; changes are masked and graded. */
class KeyDriftAnalyzerTest {

    private static KeyDrift drift(ConfigFormat format, String a, String b, String... critical) {
        return KeyDriftAnalyzer.compare(format.parser().parse(a), format.parser().parse(b),
                Arrays.stream(critical).map(KeyGlob::of).toList());
    }

    @Test
    void ini_reordering_whitespace_and_comments_are_not_drift() {
        // given
        String a = "[db]\nhost = x\nport = 1\n[web]\nport = 2\n";
        String b = "# moved\n[web]\nport=2\n\n[db]\n  port   =   1\nhost: x\n";
        // when
        KeyDrift d = drift(ConfigFormat.INI, a, b);
        // then
        assertThat(d.hasChanges()).isFalse();
        assertThat(d.severity()).isEqualTo(Severity.NONE);
    }

    @Test
    void properties_changes_are_listed_sorted_and_secrets_masked_but_reported() {
        // when
        KeyDrift d = drift(ConfigFormat.PROPERTIES, "b=1\na=1\ndb.password=old\ngone=x\n",
                "a=2\nb=1\ndb.password=new\nz.new=y\nadded=w\n");
        // then
        assertThat(d.changedKeys()).containsExactly(new ChangedKey("a", "1", "2"),
                new ChangedKey("db.password", "******", "******"));
        assertThat(d.addedKeys()).containsExactly(new KeyValue("added", "w"), new KeyValue("z.new", "y"));
        assertThat(d.removedKeys()).containsExactly(new KeyValue("gone", "x"));
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void yaml_json_and_nginx_critical_patterns_raise_severity() {
        assertThat(drift(ConfigFormat.YAML, "database:\n  host: a\nx: 1\n", "x: 1\ndatabase: {host: b}\n",
                "database.*").severity()).isEqualTo(Severity.CRITICAL);
        KeyDrift json = drift(ConfigFormat.JSON, "{\"s\": {\"password\": \"a\"}, \"p\": 1}",
                "{\"p\": 1, \"s\": {\"password\": \"b\"}}", "*.password");
        assertThat(json.criticalKeys()).containsExactly("s.password");
        assertThat(json.changedKeys()).containsExactly(new ChangedKey("s.password", "******", "******"));
        KeyDrift nginx = drift(ConfigFormat.NGINX, "http { server { listen 80; } }",
                "http {\n  server {\n    listen 8080; # changed\n  }\n}\n", "http.server[*].listen");
        assertThat(nginx.changedKeys()).containsExactly(new ChangedKey("http.server[0].listen", "80", "8080"));
        assertThat(nginx.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void reordered_yaml_and_json_are_not_drift() {
        assertThat(drift(ConfigFormat.YAML, "a: 1\nb: {c: 2, d: 3}\n", "b:\n  d: 3\n  c: 2\na: 1\n").severity())
                .isEqualTo(Severity.NONE);
        assertThat(drift(ConfigFormat.JSON, "{\"a\":1,\"b\":[1,2]}", "{ \"b\": [1, 2],\n \"a\": 1 }").changedKeys())
                .isEqualTo(List.of());
    }
}
