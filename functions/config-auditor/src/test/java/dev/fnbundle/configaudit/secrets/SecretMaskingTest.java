package dev.fnbundle.configaudit.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.configaudit.difflib.PythonText;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SecretMaskingTest {

    @Test
    void secret_names_are_recognised_case_insensitively_and_url_passwords_masked_in_any_text() {
        assertThat(SecretPolicy.isSecretName("password")).isTrue();
        assertThat(SecretPolicy.isSecretName("DB_PASSWD")).isTrue();
        assertThat(SecretPolicy.isSecretName("apiKey")).isTrue();
        assertThat(SecretPolicy.isSecretName("client-secret")).isTrue();
        assertThat(SecretPolicy.isSecretName("private_key_file")).isTrue();
        assertThat(SecretPolicy.isSecretName("host")).isFalse();
        assertThat(SecretPolicy.maskUrlPasswords("postgres://app:s3cret@db:5432/x"))
                .isEqualTo("postgres://app:******@db:5432/x");
    }

    @Test
    void secret_names_are_decided_as_lower_casing_and_searching_the_markers_decides_them() {
        // given: names built from pieces of markers in mixed case, digits, punctuation and non-ASCII letters whose
        //        lower case is ASCII (Kelvin sign, dotted capital I) or not (long s, Greek sigma)
        String[] pieces = {"pass", "PASS", "word", "WoRd", "wd", "phrase", "pw", "d", "sec", "ret", "tok", "en", "k",
            "EY", "ey", "priv", "ate", "cred", "ENTIAL", "_", ".", "-", "1", "\u212Aey", "\u0130", "pr\u0130vate",
            "\u017Fecret", "\u03a3", "é", "host"};
        Random random = new Random(17);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder name = new StringBuilder();
            for (int k = random.nextInt(5); k >= 0; k--) {
                name.append(pieces[random.nextInt(pieces.length)].translateEscapes());
            }
            String lower = name.toString().toLowerCase(Locale.ROOT);
            boolean expected = SecretPolicy.MARKERS.stream().anyMatch(lower::contains);
            // when / then
            assertThat(SecretPolicy.isSecretName(name.toString())).as(name.toString()).isEqualTo(expected);
        }
        assertThat(SecretPolicy.isSecretName("\u212Aey".translateEscapes())).isTrue();
    }

    @Test
    void line_masker_hides_values_in_every_format_and_keeps_line_structure() {
        // given
        String text = """
                password = hunter2
                db.password=hunter3
                host = db.internal
                  token: "hunter4" # note
                {"user": "u", "apiKey": "hunter5", "n": 1}
                ssl_certificate_key /etc/hunter6.pem;
                url = postgres://app:hunter7@db/x
                client_secret: |
                  hunter8
                  hunter9
                next: 1
                private.key = a\\
                    hunter10
                """;
        List<String> lines = PythonText.splitLinesKeepEnds(text);
        // when
        List<String> masked = LineMasker.maskLines(lines);
        // then
        assertThat(masked).hasSameSizeAs(lines);
        assertThat(String.join("", masked)).doesNotContainPattern("hunter\\d");
        assertThat(masked).containsExactly("password = ******\n", "db.password=******\n", "host = db.internal\n",
                "  token: \"******\" # note\n",
                "{\"user\": \"u\", \"apiKey\": \"******\", \"n\": 1}\n", "ssl_certificate_key ******;\n",
                "url = postgres://app:******@db/x\n", "client_secret: |\n", "  ******\n",
                "  ******\n", "next: 1\n", "private.key = ******\n", "    ******\n");
    }

    @Test
    void lines_without_secrets_are_unchanged() {
        // given
        List<String> lines = List.of("[server]\n", "port = 8080\r\n", "name: x", "listen 80;\n");
        // when / then
        assertThat(LineMasker.maskLines(lines)).isEqualTo(lines);
    }

    @Test
    void the_line_masker_alone_masks_every_placement_of_a_document_that_does_not_parse() {
        // given: issue 13's list, each placement followed by a line that must stay visible
        String text = """
                {"api_keys": [
                  "sk_live_a1",
                  "sk_live_a2"
                ], "visible1": 1,
                "credentials": {
                  "user": "u1", "pass": "p1"
                },
                "visible2": 2,
                "pass\\u0077ord": "escaped1",
                "token":
                  "nextline1",
                "visible3": 3}
                api_keys:
                - sk_live_b1
                - sk_live_b2
                visible4: 4
                secret: "quoted1
                  quoted2"
                visible5: 5
                private_key: >
                  folded1
                  folded2
                visible6: 6
                token: plain1
                  plain2
                visible7: 7
                url: postgres://app:p@ss@w0rd@db:5432/x
                """;
        // when
        String masked = String.join("", LineMasker.maskLines(PythonText.splitLinesKeepEnds(text)));
        // then
        assertThat(masked).doesNotContainPattern("sk_live|u1|p1|escaped1|nextline1|quoted|folded|plain\\d|p@ss|w0rd")
                .contains("\"visible1\": 1", "\"visible2\": 2", "\"visible3\": 3", "visible4: 4", "visible5: 5",
                        "visible6: 6", "visible7: 7", "@db:5432/x");
    }
}
