package dev.fnbundle.email.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.common.testing.Python;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedAmountRuleTest {
    private final SeedAmountRule rule = new SeedAmountRule();

    @Test
    void returns_the_first_dollar_amount_as_written() {
        assertThat(rule.firstMatch("Subtotal $1,000.00 Total $1,080.00")).contains("$1,000.00");
        assertThat(rule.firstMatch("Total: 14.72")).isEmpty();
        assertThat(rule.firstMatch("$,,.99")).contains("$,,.99");
        assertThat(rule.firstMatch(null)).isEmpty();
    }

    @Test
    void first_match_equals_python_re_search_on_generated_bodies(@TempDir Path dir)
            throws IOException, InterruptedException {
        // given 300 bodies mixing amounts, separators, Unicode digits and noise, generated from a fixed seed
        List<String> bodies = bodies(new Random(20260513L), 300);
        Path input = dir.resolve("bodies.txt");
        Files.writeString(input, String.join("\u0000", bodies), StandardCharsets.UTF_8);
        Path script = dir.resolve("seed.py");
        Files.writeString(script, String.join("\n",
                "import re, sys, json",
                "bodies = open(sys.argv[1], encoding='utf-8').read().split('\\x00')",
                "out = []",
                "for body in bodies:",
                "    m = re.search(r'\\$[\\d,]+\\.\\d{2}', body)",
                "    out.append(m.group(0) if m else 'Unknown')",
                "sys.stdout.write(json.dumps(out, ensure_ascii=True))"));

        // when python3 runs the seed's extract_amount on each
        List<String> python = runPython(script, input);

        // then the Java rule returns the same, body by body
        List<String> java = bodies.stream().map(b -> rule.firstMatch(b).orElse("Unknown")).toList();
        assertThat(java).isEqualTo(python);
    }

    private static List<String> bodies(Random random, int count) {
        String[] pieces = {"$", "$1", ",", ".", "00", "12", "Total ", "$1,234.56", "€9,99", "$٣٤.٥٦", " ", "\n",
            "$99.9", "$1.2.34", "$,5.00", "invoice", "$12.345"};
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder body = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int j = 0; j < length; j++) {
                body.append(pieces[random.nextInt(pieces.length)]);
            }
            bodies.add(body.toString());
        }
        return bodies;
    }

    private static List<String> runPython(Path script, Path input) {
        return JsonStrings.parseArray(Python.run(script.toString(), input.toString()).orFail().out());
    }
}
