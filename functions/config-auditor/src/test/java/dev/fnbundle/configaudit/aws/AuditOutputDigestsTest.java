package dev.fnbundle.configaudit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.common.http.ApiResponse;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.configaudit.api.AuditView;
import dev.fnbundle.configaudit.api.ResponseBudget;
import dev.fnbundle.configaudit.audit.AuditRequest;
import dev.fnbundle.configaudit.audit.DriftAuditor;
import dev.fnbundle.configaudit.service.AuditSource;
import dev.fnbundle.configaudit.service.StoredAudit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Differential guard for the audit path's speed work: what {@code POST /audits} answers (the 201 body) and what it
 * stores (the report's JSON inside the gzip) for a fixed-seed corpus must stay byte for byte what the code gave
 * before that work. The corpus is the benchmark's 20 000-line INI pair plus {@value #CASES} generated requests:
 * INI mostly (sections, dotted, repeated and upper-case keys, secrets, URL passwords, comments, blank lines, CRLF,
 * unicode, lines that do not parse), other formats and detection too, each with a changed copy. The expected
 * SHA-256 of each case sits in {@value #RESOURCE}; refused requests digest their exception and message. The stored
 * report is digested in the stored form's first layout (the {@link StoredAudit} record as JSON), rebuilt from what
 * the codec stores now and reads back, so a later layout keeps these digests.
 *
 * <p>To rewrite the file after a change that is meant to alter the output (never for speed work):
 * {@code -Daudit.digests.record=src/test/resources/audit/output-digests.txt}.
 */
class AuditOutputDigestsTest {
    private static final int CASES = 1_000;
    private static final String RESOURCE = "/audit/output-digests.txt";
    private static final DriftAuditor AUDITOR = new DriftAuditor();
    private static final ResponseBudget BUDGET = new ResponseBudget(ResponseBudget.DEFAULT_BYTES);

    @Test
    void the_answer_and_the_stored_report_of_every_corpus_request_are_unchanged() throws IOException {
        List<String> actual = new ArrayList<>();
        List<AuditRequest> corpus = corpus();
        for (int i = 0; i < corpus.size(); i++) {
            actual.add(i + " " + digest(corpus.get(i)));
        }
        String record = System.getProperty("audit.digests.record");
        if (record != null) {
            Files.write(Path.of(record), actual);
        }
        List<String> expected;
        try (InputStream in = AuditOutputDigestsTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(actual).hasSize(CASES + 1).containsExactlyElementsOf(expected);
    }

    /** The 201 body and the stored JSON of one request, or its refusal, as one SHA-256. */
    private static String digest(AuditRequest request) {
        StringBuilder out = new StringBuilder();
        try {
            StoredAudit audit = new StoredAudit("id", Instant.EPOCH, AuditSource.API, null, AUDITOR.audit(request));
            // The stored report as the first layout wrote it (the record's JSON), here from what the current layout
            // stores and reads back: the digest holds as long as nothing stored is lost or altered.
            String stored = firstLayout(AuditCodec.decode(AuditCodec.encode(audit, Long.MAX_VALUE)));
            String answer = ApiResponse.created("/audits/id", BUDGET.fit(AuditView.of(audit))).toGatewayResponse()
                    .getBody();
            out.append(stored).append('\u0000').append(answer);
        } catch (InvalidFieldsException e) {
            out.append("400 ").append(e.errors());
        } catch (RuntimeException e) {
            out.append(e.getClass().getName()).append(' ').append(e.getMessage());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(out.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record's JSON as the codec's byte stream writes it (it escapes characters above U+FFFF). */
    private static String firstLayout(StoredAudit audit) {
        try {
            return new String(Json.mapper().writeValueAsBytes(audit), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<AuditRequest> corpus() {
        List<AuditRequest> corpus = new ArrayList<>();
        corpus.add(benchPair());
        Random random = new Random(20261207L);
        for (int i = 0; i < CASES; i++) {
            corpus.add(generated(random, i));
        }
        return corpus;
    }

    /** The benchmark's pair (AuditInputs): 20 000 lines, unique keys, 1% of key lines changed. */
    private static AuditRequest benchPair() {
        Random random = new Random(20261206L);
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        int section = 0;
        for (int n = 0; n < 20_000; section++) {
            String header = "[section_" + section + "]\n";
            a.append(header);
            b.append(header);
            n++;
            for (int k = 0; k < 19 && n < 20_000; k++, n++) {
                String line = "option_" + k + " = value-" + random.nextInt(1_000_000_000);
                a.append(line).append('\n');
                b.append(line).append(random.nextInt(100) == 0 ? "-changed" : "").append('\n');
            }
        }
        return new AuditRequest("app.ini", a.toString(), b.toString(), "ini", List.of(), null, null);
    }

    private static final String[] FORMATS = {"ini", "ini", "ini", "ini", "ini", "ini", null, "properties", "yaml",
        "json", "nginx", "cfg"};
    private static final String[] KEYS = {"host", "port", "password", "api_key", "Token", "SECRET", "db.url",
        "user.name", "timeout", "enabled", "Path", "client_secret", "private-key", "name", "log.level", "url"};
    private static final String[] VALUES = {"localhost", "8080", "hunter2hunter2", "s3cr3tValue99", "true", "",
        "postgres://admin:Pa55word1@db.example:5432/app", "https://user:tok3nABC@host/x", "héllo wörld", "日本語の値",
        "\"quoted value\"", "a = b = c", "${ENV_VAR}", "x", "  spaced  ", "emoji 🎉 ok", "Pa55word1"};

    private static AuditRequest generated(Random random, int index) {
        String format = FORMATS[random.nextInt(FORMATS.length)];
        int lines = random.nextInt(20) == 0 ? 200 + random.nextInt(800) : random.nextInt(40);
        String eol = random.nextInt(6) == 0 ? "\r\n" : "\n";
        List<String> base = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            base.add(line(random, format));
        }
        List<String> current = new ArrayList<>(base);
        int edits = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(Math.max(1, lines / 5 + 1));
        for (int e = 0; e < edits; e++) {
            int at = current.isEmpty() ? 0 : random.nextInt(current.size());
            switch (random.nextInt(4)) {
                case 0 -> current.add(at, line(random, format));
                case 1 -> {
                    if (!current.isEmpty()) {
                        current.remove(at);
                    }
                }
                default -> {
                    if (!current.isEmpty()) {
                        current.set(at, line(random, format));
                    }
                }
            }
        }
        List<String> critical = random.nextInt(3) == 0 ? List.of("password", "db.*", "*port*") : List.of();
        Integer context = random.nextInt(3) == 0 ? random.nextInt(6) : null;
        Boolean autojunk = random.nextInt(4) == 0 ? Boolean.FALSE : null;
        String name = random.nextInt(50) == 0 ? "bad name!" : "cfg-" + index + ".conf";
        return new AuditRequest(name, join(base, eol, random), join(current, eol, random), format, critical,
                context, autojunk);
    }

    private static String join(List<String> lines, String eol, Random random) {
        String text = String.join(eol, lines);
        return random.nextBoolean() && !lines.isEmpty() ? text + eol : text;
    }

    private static String line(Random random, String format) {
        String key = KEYS[random.nextInt(KEYS.length)];
        if (random.nextInt(3) == 0) {
            key = key + "_" + random.nextInt(30);
        }
        if (random.nextInt(10) == 0) {
            key = key.toUpperCase(java.util.Locale.ROOT);
        }
        String value = random.nextInt(5) == 0 ? "v" + random.nextInt(1_000_000) : VALUES[random.nextInt(
                VALUES.length)];
        int kind = random.nextInt(20);
        if ("json".equals(format) && kind < 14) {
            return "\"" + key + "\": \"" + value.replace("\"", "") + "\",";
        }
        if ("yaml".equals(format) && kind < 14) {
            return (random.nextBoolean() ? "  " : "") + key + ": " + value;
        }
        if ("nginx".equals(format) && kind < 14) {
            return key + " " + value.replace(";", "") + ";";
        }
        return switch (kind) {
            case 0, 1 -> "[section_" + random.nextInt(8) + "]";
            case 2 -> "";
            case 3 -> "# comment password=" + value;
            case 4 -> "; note " + value;
            case 5 -> key + ": " + value;
            case 6 -> "  continued " + value;
            case 7 -> random.nextInt(4) == 0 ? "not an ini line [" : "enabled = true";
            case 8 -> "[" + key + "]";
            default -> key + (random.nextBoolean() ? " = " : "=") + value;
        };
    }
}
