package dev.fnbundle.orders.packages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.testing.Python;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Version ordering and specifier matching against python3's {@code packaging} library (25 or later, whose
 * {@code <V} and {@code >V} rules follow PEP 440 to the letter): every pair of versions must compare the same way
 * and every specifier must accept the same versions.
 */
class PythonPackagingDifferentialTest {
    private static final String SCRIPT = """
            import json, sys
            try:
                import packaging
                from packaging.version import Version
                from packaging.specifiers import Specifier
            except ImportError:
                print(json.dumps(None)); sys.exit(0)
            if int(packaging.__version__.split(".")[0]) < 25:
                print(json.dumps(None)); sys.exit(0)
            data = json.load(sys.stdin)
            versions = [Version(v) for v in data["versions"]]
            compare = [[(a > b) - (a < b) for b in versions] for a in versions]
            matches = [[Specifier(s).contains(v, prereleases=True) for v in versions] for s in data["specifiers"]]
            print(json.dumps({"compare": compare, "matches": matches}))
            """;

    @Test
    void comparisons_and_matches_equal_python_packaging() throws Exception {
        // given
        Python.assumePython();
        Random random = new Random(440L);
        List<String> versions = new ArrayList<>(List.of("1.0", "1.0.0", "1", "1.0.post1", "1.0a1", "1.0rc1",
                "1.0.dev1", "1.0+local.7", "1.0+5", "1.1", "1.10", "1.9", "2.0b1", "2.0", "1!0.5", "2.0.post1+x",
                "0.9.dev0", "3.0a1", "2.28", "2.28.0.post2", "2.31.0"));
        for (int i = 0; i < 40; i++) {
            versions.add(randomVersion(random));
        }
        List<String> specifiers = new ArrayList<>(List.of("==1.0", "==1.0.*", "!=1.*", "~=1.0", "~=2.28.0",
                "<2.0", "<2.0b1", ">1.0", ">1.0.post1", "<=1.0", ">=1.0a1", "==1.0+local.7", "===1.0", "<3", ">2"));
        for (int i = 0; i < 60; i++) {
            specifiers.add(randomSpecifier(random));
        }

        // when
        JsonNode python = Python.json(SCRIPT, Map.of("versions", versions, "specifiers", specifiers));
        Assumptions.assumeTrue(!python.isNull(), "python packaging >= 25 not installed: differential test skipped");

        // then
        for (int a = 0; a < versions.size(); a++) {
            for (int b = 0; b < versions.size(); b++) {
                int ours = Integer.signum(Version.parse(versions.get(a)).compareTo(Version.parse(versions.get(b))));
                assertThat(ours).as("%s vs %s", versions.get(a), versions.get(b))
                        .isEqualTo(python.get("compare").get(a).get(b).asInt());
            }
        }
        for (int s = 0; s < specifiers.size(); s++) {
            VersionSpecifier specifier = VersionSpecifier.parse(specifiers.get(s));
            for (int v = 0; v < versions.size(); v++) {
                assertThat(specifier.matches(Version.parse(versions.get(v))))
                        .as("%s contains %s", specifiers.get(s), versions.get(v))
                        .isEqualTo(python.get("matches").get(s).get(v).asBoolean());
            }
        }
    }

    private static String randomVersion(Random random) {
        StringBuilder v = new StringBuilder();
        if (random.nextInt(15) == 0) {
            v.append(random.nextInt(2)).append('!');
        }
        v.append(random.nextInt(3));
        for (int i = random.nextInt(3); i > 0; i--) {
            v.append('.').append(random.nextInt(3));
        }
        String[] suffixes = {"", "", "", "a1", "b2", "rc1", ".post1", ".dev0", "rc1.dev2", ".post2.dev1", "+abc.1"};
        return v.append(suffixes[random.nextInt(suffixes.length)]).toString();
    }

    private static String randomSpecifier(Random random) {
        String[] operators = {"==", "!=", "<", ">", "<=", ">=", "~="};
        String operator = operators[random.nextInt(operators.length)];
        String version = random.nextInt(3) + "." + random.nextInt(3);
        String[] suffixes = {"", "", "a1", ".post1", ".dev0"};
        String suffix = suffixes[random.nextInt(suffixes.length)];
        if ((operator.equals("==") || operator.equals("!=")) && random.nextInt(3) == 0) {
            return operator + version + ".*";
        }
        return operator + version + suffix;
    }
}
