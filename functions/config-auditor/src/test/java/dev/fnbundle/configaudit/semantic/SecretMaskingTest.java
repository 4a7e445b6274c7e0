package dev.fnbundle.configaudit.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.configaudit.difflib.PythonText;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskingTest {

    @Test
    void secret_names_are_recognised_by_their_last_segment_case_insensitively() {
        assertThat(SecretPolicy.isSecretName("password")).isTrue();
        assertThat(SecretPolicy.isSecretName("DB_PASSWD")).isTrue();
        assertThat(SecretPolicy.isSecretName("apiKey")).isTrue();
        assertThat(SecretPolicy.isSecretName("client-secret")).isTrue();
        assertThat(SecretPolicy.isSecretName("private_key_file")).isTrue();
        assertThat(SecretPolicy.isSecretName("host")).isFalse();
        assertThat(SecretPolicy.maskValue("url", "postgres://app:s3cret@db:5432/x"))
                .isEqualTo("postgres://app:******@db:5432/x");
        assertThat(SecretPolicy.maskValue("token", "abc")).isEqualTo(SecretPolicy.MASK);
    }

    @Test
    void line_masker_hides_values_in_every_format_and_keeps_line_structure() {
        // given
        String text = """
                password = hunter2
                db.password=hunter3
                  token: "hunter4" # note
                {"user": "u", "apiKey": "hunter5", "n": 1}
                ssl_certificate_key /etc/hunter6.pem;
                url = postgres://app:hunter7@db/x
                host = db.internal
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
        assertThat(masked).containsExactly("password = ******\n", "db.password=******\n",
                "  token: \"******\" # note\n",
                "{\"user\": \"u\", \"apiKey\": \"******\", \"n\": 1}\n", "ssl_certificate_key ******;\n",
                "url = postgres://app:******@db/x\n", "host = db.internal\n", "client_secret: |\n", "  ******\n",
                "  ******\n", "next: 1\n", "private.key = ******\n", "    ******\n");
    }

    @Test
    void lines_without_secrets_are_unchanged() {
        // given
        List<String> lines = List.of("[server]\n", "port = 8080\r\n", "name: x", "listen 80;\n");
        // when / then
        assertThat(LineMasker.maskLines(lines)).isEqualTo(lines);
    }
}
