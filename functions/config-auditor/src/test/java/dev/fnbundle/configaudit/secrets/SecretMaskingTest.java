package dev.fnbundle.configaudit.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.configaudit.difflib.PythonText;
import java.util.List;
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
