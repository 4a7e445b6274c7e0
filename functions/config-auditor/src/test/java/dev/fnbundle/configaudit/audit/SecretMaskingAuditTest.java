package dev.fnbundle.configaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.configaudit.secrets.SecretRedactor;
import dev.fnbundle.configaudit.semantic.ChangedKey;
import dev.fnbundle.configaudit.semantic.KeyValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13 item 3: a secret never reaches a report, wherever and however it is written. Each case changes the
 * secret between the two sides, so that it sits in the added and removed lines, both diffs, the side-by-side rows
 * and the key drift.
 */
class SecretMaskingAuditTest {
    private final DriftAuditor auditor = new DriftAuditor();

    /** Everything a report shows or stores, as one text. */
    static String everything(AuditReport report) {
        return report + "\n" + DriftAuditor.html(report);
    }

    private AuditReport audit(String format, String baseline, String current) {
        return auditor.audit(new AuditRequest("app.prod", baseline, current, format, List.of("*"), null, null));
    }

    private static Arguments place(String format, String placement, String text, List<String> secrets) {
        return place(format, placement, text, secrets, List.of());
    }

    private static Arguments place(String format, String placement, String text, List<String> secrets,
                                   List<String> alsoForbidden) {
        return Arguments.of(format, placement, text, secrets, alsoForbidden);
    }

    static List<Arguments> placements() {
        return List.of(
                place("json", "a multi-line array under a secret key",
                        "{\n  \"api_keys\": [\n    \"sk_live_AAAA1111x\",\n    \"sk_live_BBBB2222x\"\n  ],\n"
                                + "  \"n\": 1\n}\n",
                        List.of("sk_live_AAAA1111x", "sk_live_BBBB2222x")),
                place("json", "a multi-line object under a secret key, short values included",
                        "{\n  \"credentials\": {\n    \"user\": \"svc\",\n    \"pass\": \"Zq9-hunter-22\"\n  }\n}\n",
                        List.of("\"svc\"", "Zq9-hunter-22")),
                place("json", "an escaped key",
                        "{\"pass\\u0077ord\": \"esc-key-secret-1\", \"n\": 1}\n", List.of("esc-key-secret-1")),
                place("json", "a value on the next line at the key's indentation",
                        "{\n\"token\":\n\"next-line-token-77\",\n\"n\": 1\n}\n", List.of("next-line-token-77")),
                place("json", "a secret repeated, escaped, under keys that are not secret",
                        "{\"client_secret\": \"abc/def/ghi-123\", \"note\": \"abc\\/def\\/ghi-123\","
                                + " \"copy\": \"\\u0061bc/def/ghi-123\"}\n", List.of("abc/def/ghi-123"),
                        List.of("def/ghi-123", "def\\/ghi-123")),
                place("yaml", "a sequence at the key's indentation",
                        "api_keys:\n- sk_live_CCCC3333x\n- sk_live_DDDD4444x\nname: web\n",
                        List.of("sk_live_CCCC3333x", "sk_live_DDDD4444x")),
                place("yaml", "a literal block scalar",
                        "private_key: |\n  -----BEGIN KEY-----\n"
                                + "  MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Q\n"
                                + "  -----END KEY-----\nname: web\n",
                        List.of("MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Q")),
                place("yaml", "a folded block scalar",
                        "passphrase: >\n  correct horse\n  battery staple\nname: web\n",
                        List.of("correct horse", "battery staple")),
                place("yaml", "a double-quoted scalar over several lines",
                        "secret: \"first-part\n  second-part\"\nname: web\n", List.of("first-part", "second-part")),
                place("yaml", "a plain scalar over several lines",
                        "token: plainfirst\n  plainsecond\nname: web\n", List.of("plainfirst", "plainsecond")),
                place("yaml", "an alias of an anchored value",
                        "base: &pw aliased-secret-99\npassword: *pw\n", List.of("aliased-secret-99")),
                place("yaml", "a nested mapping under a secret key, short values included",
                        "credentials:\n  user: adm9\n  pass: nested-pass-55\n", List.of("adm9", "nested-pass-55")),
                place("yaml", "a single-quoted value with a doubled quote",
                        "password: 'it''s-a-secret'\nnote: it's-a-secret\n", List.of("s-a-secret")),
                place("ini", "a key in a secret-named section",
                        "[secrets]\napi = ini-section-secret-1\n[app]\nname = web\n", List.of("ini-section-secret-1")),
                place("ini", "continuation lines",
                        "[db]\npassword = first-cont-secret\n  second-cont-secret\nhost = x\n",
                        List.of("first-cont-secret", "second-cont-secret")),
                place("ini", "a commented-out old password",
                        "[db]\n;password = old-commented-secret\nhost = x\n", List.of("old-commented-secret")),
                place("properties", "a continued value",
                        "db.password=prop-cont-\\\n    secret-part2\nhost=x\n", List.of("prop-cont-", "secret-part2")),
                place("properties", "an escaped key",
                        "db.pass\\u0077ord=prop-escaped-key-secret\nhost=x\n", List.of("prop-escaped-key-secret")),
                place("properties", "a URL password holding @ and /",
                        "jdbc.url=postgres://app:p@ss/w0rd@db:5432/x\n", List.of("p@ss/w0rd")),
                place("properties", "a URL-encoded copy of a secret",
                        "db.password=p@ss/w0rd-enc\nnote=see p%40ss%2Fw0rd-enc\n", List.of("p@ss/w0rd-enc"),
                        List.of("w0rd-enc", "%40ss")),
                place("nginx", "a secret directive",
                        "ssl_certificate_key /etc/ssl/private/nginx-secret.key;\nworker_processes 4;\n",
                        List.of("nginx-secret.key")),
                place("nginx", "a block named as a secret",
                        "secrets {\n    api abc-nginx-block-1;\n}\nworker_processes 4;\n",
                        List.of("abc-nginx-block-1")),
                place("nginx", "a quoted argument",
                        "auth_token \"nginx-quoted-tok-9\";\nworker_processes 4;\n", List.of("nginx-quoted-tok-9")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("placements")
    void a_secret_is_masked_wherever_it_is_placed(String format, String placement, String text, List<String> secrets,
                                                  List<String> alsoForbidden) {
        // given: the same document on both sides, the secrets changed (reversed) in the current one
        String current = text;
        for (String secret : secrets) {
            current = current.replace(secret, reversed(secret));
        }
        // when: with the format stated, and with it guessed
        for (String given : new String[] {format, null}) {
            AuditReport report = audit(given, text, current);
            // then
            String shown = everything(report);
            for (String secret : secrets) {
                assertThat(shown).as("%s (format %s)", placement, given).doesNotContain(secret)
                        .doesNotContain(reversed(secret));
            }
            for (String fragment : alsoForbidden) {
                assertThat(shown).as("%s (format %s)", placement, given).doesNotContain(fragment);
            }
            assertThat(report.hasDrift()).isTrue();
            assertThat(report.warnings()).as("%s (format %s)", placement, given).isEmpty();
        }
    }

    private static String reversed(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    @Test
    void every_value_below_a_secret_key_is_masked_in_key_drift() {
        // when
        AuditReport report = audit("json", "{\"credentials\": {\"user\": \"a\", \"ttl\": 60}, \"host\": \"x\"}",
                "{\"credentials\": {\"user\": \"b\", \"ttl\": 90, \"new\": \"c\"}, \"host\": \"y\"}");
        // then
        assertThat(report.keyDrift().changedKeys()).containsExactly(new ChangedKey("credentials.ttl", "******",
                "******"), new ChangedKey("credentials.user", "******", "******"), new ChangedKey("host", "x", "y"));
        assertThat(report.keyDrift().addedKeys()).containsExactly(new KeyValue("credentials.new", "******"));
    }

    @Test
    void a_long_secret_is_masked_everywhere_but_a_short_one_only_in_its_own_place() {
        // given: "a" (under the 6-character rule) and "hunter22" (over it) are secrets; both also appear elsewhere
        String baseline = "password: a\ntoken: hunter22\nnote: a b c\ncomment: hunter22 was the old one\n";
        String current = "password: b\ntoken: hunter33\nnote: a b c d\ncomment: hunter22 was the old one\n";
        // when
        AuditReport report = audit("yaml", baseline, current);
        // then: the short secret is masked at its key, its letter elsewhere survives; the long one is gone
        assertThat(report.removedLines()).containsExactly("password: ******\n", "token: ******\n",
                "note: a b c\n");
        assertThat(report.addedLines()).containsExactly("password: ******\n", "token: ******\n",
                "note: a b c d\n");
        assertThat(report.unifiedDiff()).contains(" comment: ****** was the old one").doesNotContain("hunter");
        assertThat(SecretRedactor.MIN_LENGTH).isEqualTo(6);
    }

    @Test
    void a_100_kb_quoted_private_key_is_masked_without_overflowing_the_stack() {
        // given: what a 4096-bit PEM looks like inside JSON, made 100 KB long, and the same in YAML
        String pem = "-----BEGIN PRIVATE KEY-----\\n"
                + "MIIJQgIBADANBgkqhkiG9w0BAQEFAASCCSwwggkoAgEAAoICAQ".repeat(2000)
                + "\\n-----END PRIVATE KEY-----\\n";
        String json = "{\"privateKey\": \"" + pem + "\", \"n\": 1}\n";
        String yaml = "privateKey: \"" + pem + "\"\nn: 1\n";
        // when
        AuditReport fromJson = audit(null, "{\"privateKey\": \"old\", \"n\": 1}\n", json);
        AuditReport fromYaml = audit(null, "privateKey: \"old\"\nn: 1\n", yaml);
        // then
        assertThat(fromJson.addedLines()).containsExactly("{\"privateKey\": \"******\", \"n\": 1}\n");
        assertThat(fromYaml.addedLines()).containsExactly("privateKey: ******\n");
        assertThat(everything(fromJson) + everything(fromYaml)).doesNotContain("MIIJQgIBADAN");
    }
}
