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

    @Test
    void ini_documents_compared_in_place_drift_as_their_maps_do() {
        // given: documents with the same keys in the same order (compared in place) and others (by their maps)
        java.util.Random random = new java.util.Random(99);
        String[] keys = {"a", "b", "Host", "password", "url", "x\u00e9", "token"};
        String[] values = {"1", "2", "https://u:s3cret99@h", "v", "", "hunter22"};
        for (int n = 0; n < 2000; n++) {
            StringBuilder a = new StringBuilder();
            StringBuilder b = new StringBuilder();
            boolean sameOrder = random.nextBoolean();
            for (int s = 0; s < 1 + random.nextInt(3); s++) {
                a.append("[sec").append(s).append("]\n");
                b.append("[sec").append(s).append("]\n");
                for (int k = 0; k < keys.length; k++) {
                    String key = keys[k];
                    a.append(key).append(" = ").append(values[random.nextInt(values.length)]).append('\n');
                    if (sameOrder || random.nextInt(5) > 0) {
                        String value = random.nextInt(4) == 0 ? values[random.nextInt(values.length)] + "-x"
                                : values[random.nextInt(values.length)];
                        b.append(key).append(" = ").append(value).append('\n');
                    }
                }
                if (!sameOrder && random.nextBoolean()) {
                    b.append("added").append(s).append(" = new\n");
                }
            }
            List<KeyGlob> critical = List.of(KeyGlob.of("sec1.*"));
            ParsedConfig was = ConfigFormat.INI.parser().read(a.toString());
            ParsedConfig now = ConfigFormat.INI.parser().read(b.toString());
            // when
            KeyDrift inPlace = KeyDriftAnalyzer.compare(was, now, critical);
            KeyDrift byMaps = KeyDriftAnalyzer.compare(was.byPath(), now.byPath(), critical);
            // then
            assertThat(inPlace).as(a + "---\n" + b).isEqualTo(byMaps);
        }
    }
}
