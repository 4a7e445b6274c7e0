package dev.fnbundle.configaudit.difflib;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.common.testing.Python;
import dev.fnbundle.configaudit.audit.ConfigAudit;
import dev.fnbundle.configaudit.audit.ConfigAuditResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test against python3's difflib: every ratio bit, block, opcode, group, unified-diff byte and the
 * seed's audit_config result must be identical, over CPython's own test inputs and seeded generated configs.
 */
class DifflibDifferentialTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> sequence_matcher_and_unified_diff_equal_python_difflib() throws Exception {
        Python.assumePython();
        // given
        List<DiffCase> cases = new ArrayList<>(CpythonCases.all());
        cases.addAll(generatedCases(20260101L));
        // when
        JsonNode answers = Python.jsonResource("/python/difflib_oracle.py", cases);
        // then
        return IntStream.range(0, cases.size()).mapToObj(i -> DynamicTest.dynamicTest(
                "case " + i + " " + cases.get(i).kind() + " autojunk=" + cases.get(i).autojunk(),
                () -> assertSameAsPython(cases.get(i), answers.get(i))));
    }

    private static List<DiffCase> generatedCases(long seed) {
        DiffCaseGenerator gen = new DiffCaseGenerator(seed);
        List<DiffCase> cases = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            List<String> base = gen.configLines(gen.nextInt(i < 10 ? 6 : 320), false);
            List<String> changed = gen.mutate(base, 0.005 + gen.nextInt(20) / 100.0);
            boolean odd = i % 5 == 0;
            cases.add(DiffCase.lines(gen.join(base, odd), gen.join(changed, odd), i % 7 != 0));
        }
        for (int i = 0; i < 16; i++) {
            List<String> base = gen.configLines(200 + gen.nextInt(500), true);
            String a = gen.join(base, false);
            String b = gen.join(gen.mutate(base, 0.03), false);
            cases.add(DiffCase.lines(a, b, true));
            cases.add(DiffCase.lines(a, b, false));
            if (i % 4 == 0) {
                cases.add(DiffCase.lines(a, b, true).withJunk(List.of("\n", "}\n")));
            }
        }
        for (int i = 0; i < 80; i++) {
            String a = gen.chars(gen.nextInt(i < 10 ? 5 : 450));
            DiffCase c = DiffCase.chars(a, gen.mutateChars(a, 1 + gen.nextInt(12)), gen.coin());
            cases.add(i % 6 == 0 ? c.withJunk(List.of(" ")) : c);
        }
        cases.add(DiffCase.lines("a\nb\nc", "a\nb\nc\n", true));
        cases.add(DiffCase.lines("", "only\nnew\n", true));
        cases.add(DiffCase.lines("only\nold", "", true));
        cases.add(DiffCase.lines("same\nsame\n", "same\nsame\n", true));
        return cases;
    }

    private static void assertSameAsPython(DiffCase c, JsonNode py) throws Exception {
        List<String> linesA = PythonText.splitLinesKeepEnds(c.a());
        List<String> linesB = PythonText.splitLinesKeepEnds(c.b());
        SequenceMatcher<?> sm = matcher(c, linesA, linesB);
        assertThat(Double.parseDouble(py.get("ratio").asText())).as("ratio").isEqualTo(sm.ratio());
        assertThat(Double.parseDouble(py.get("quick").asText())).as("quick_ratio").isEqualTo(sm.quickRatio());
        assertThat(Double.parseDouble(py.get("realQuick").asText())).as("real_quick_ratio")
                .isEqualTo(sm.realQuickRatio());
        assertThat(tree(sm.matchingBlocks().stream().map(m -> List.of(m.a(), m.b(), m.size())).toList()))
                .as("matching blocks").isEqualTo(py.get("blocks"));
        assertThat(tree(opcodeLists(sm.opcodes()))).as("opcodes").isEqualTo(py.get("opcodes"));
        assertThat(sm.popularElements()).as("bpopular").hasSize(py.get("popular").asInt());
        assertThat(sm.junkElements()).as("bjunk").hasSize(py.get("junk").asInt());
        for (int n : c.ns()) {
            assertThat(tree(sm.groupedOpcodes(n).stream().map(DifflibDifferentialTest::opcodeLists).toList()))
                    .as("grouped n=" + n).isEqualTo(py.get("grouped").get(Integer.toString(n)));
            JsonNode udiff = py.get("udiff").get(Integer.toString(n));
            if (udiff != null) {
                byte[] ours = UnifiedDiff.text(linesA, linesB, "a.conf", "b.conf", n).getBytes(StandardCharsets.UTF_8);
                assertThat(new String(ours, StandardCharsets.UTF_8)).as("unified diff n=" + n)
                        .isEqualTo(new String(Base64.getDecoder().decode(udiff.asText()), StandardCharsets.UTF_8));
                assertThat(ours).isEqualTo(Base64.getDecoder().decode(udiff.asText()));
            }
        }
        if (py.has("audit")) {
            assertAuditSameAsPython(c, py.get("audit"));
        }
    }

    private static void assertAuditSameAsPython(DiffCase c, JsonNode py) {
        ConfigAuditResult ours = ConfigAudit.audit(c.a(), c.b());
        assertThat(ours.similarity()).isEqualTo(Double.parseDouble(py.get("similarity").asText()));
        assertThat(tree(ours.addedLines())).as("added").isEqualTo(py.get("added"));
        assertThat(tree(ours.removedLines())).as("removed").isEqualTo(py.get("removed"));
        assertThat(tree(ours.changedSections())).as("changed sections").isEqualTo(py.get("changed"));
        assertThat(ours.summary()).isEqualTo(py.get("summary").asText());
    }

    private static SequenceMatcher<?> matcher(DiffCase c, List<String> linesA, List<String> linesB) {
        if (c.kind().equals("lines")) {
            Predicate<String> junk = c.junk() == null ? null : new HashSet<>(c.junk())::contains;
            return SequenceMatcher.of(linesA, linesB, junk, c.autojunk());
        }
        IntPredicate junk = null;
        if (c.junk() != null) {
            Set<Integer> junkCodePoints = new HashSet<>();
            c.junk().forEach(s -> junkCodePoints.add(s.codePointAt(0)));
            junk = junkCodePoints::contains;
        }
        return SequenceMatcher.ofCodePoints(c.a(), c.b(), junk, c.autojunk());
    }

    private static List<List<Object>> opcodeLists(List<Opcode> ops) {
        return ops.stream().map(o -> List.<Object>of(o.tag().pythonName(), o.i1(), o.i2(), o.j1(), o.j2())).toList();
    }

    private static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
