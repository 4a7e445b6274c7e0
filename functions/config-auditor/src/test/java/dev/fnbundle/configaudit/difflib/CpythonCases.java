package dev.fnbundle.configaudit.difflib;

import dev.fnbundle.configaudit.testing.Configs;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Inputs of CPython 3.11's test_difflib.py and of difflib's doctests, plus the seed tutorial's examples. */
public final class CpythonCases {
    static final String PATCH914575_FROM1 = """

               1. Beautiful is beTTer than ugly.
               2. Explicit is better than implicit.
               3. Simple is better than complex.
               4. Complex is better than complicated.
            """;
    static final String PATCH914575_TO1 = """

               1. Beautiful is better than ugly.
               3.   Simple is better than complex.
               4. Complicated is better than complex.
               5. Flat is better than nested.
            """;
    static final String PATCH914575_FROM2 = "\n\t\tLine 1: preceded by from:[tt] to:[ssss]\n"
            + "  \t\tLine 2: preceded by from:[sstt] to:[sssst]\n"
            + "  \t \tLine 3: preceded by from:[sstst] to:[ssssss]\n"
            + "Line 4:  \thas from:[sst] to:[sss] after :\n"
            + "Line 5: has from:[t] to:[ss] at end\t\n";
    static final String PATCH914575_TO2 = "\n    Line 1: preceded by from:[tt] to:[ssss]\n"
            + "    \tLine 2: preceded by from:[sstt] to:[sssst]\n"
            + "      Line 3: preceded by from:[sstst] to:[ssssss]\n"
            + "Line 4:   has from:[sst] to:[sss] after :\n"
            + "Line 5: has from:[t] to:[ss] at end\n";
    static final String PATCH914575_FROM3 = "line 0\n1234567890123456789012345689012345\nline 1\nline 2\nline 3\n"
            + "line 4   changed\nline 5   changed\nline 6   changed\nline 7\nline 8  subtracted\nline 9\n"
            + "1234567890123456789012345689012345\nshort line\njust fits in!!\njust fits in two lines yup!!\n"
            + "the end";
    static final String PATCH914575_TO3 = "line 0\n1234567890123456789012345689012345\nline 1\nline 2    added\n"
            + "line 3\nline 4   chanGEd\nline 5a  chanGed\nline 6a  changEd\nline 7\nline 8\nline 9\n1234567890\n"
            + "another long line that needs to be wrapped\njust fitS in!!\njust fits in two lineS yup!!\nthe end";


    private CpythonCases() {
    }

    /** Every case, each in the form the Python oracle takes. */
    static List<DiffCase> all() {
        List<DiffCase> cases = new ArrayList<>();
        cases.add(DiffCase.chars("b".repeat(100), "a" + "b".repeat(100), true));
        cases.add(DiffCase.chars("b".repeat(100), "b".repeat(50) + "a" + "b".repeat(50), true));
        cases.add(DiffCase.chars("a".repeat(40) + "c" + "b".repeat(40), "a".repeat(40) + "b".repeat(40), true));
        String bjunkA = "a".repeat(40) + "b".repeat(40);
        cases.add(DiffCase.chars(bjunkA, "a".repeat(44) + "b".repeat(40), true).withJunk(List.of(" ")));
        cases.add(DiffCase.chars(bjunkA, "a".repeat(44) + "b".repeat(40) + " ".repeat(20), true)
                .withJunk(List.of(" ")));
        cases.add(DiffCase.chars(bjunkA, "a".repeat(44) + "b".repeat(40) + " ".repeat(20), true)
                .withJunk(List.of(" ", "b")));
        cases.add(DiffCase.chars("b".repeat(200), "a" + "b".repeat(200), true));
        cases.add(DiffCase.chars("b".repeat(200), "a" + "b".repeat(200), false));
        cases.add(DiffCase.chars("", "", true));
        cases.add(DiffCase.lines("", "", true));
        cases.add(DiffCase.chars("abxcd", "abcd", true));
        cases.add(DiffCase.chars("qabxcd", "abycdf", true));
        cases.add(DiffCase.chars("abcd", "bcde", true));
        cases.add(DiffCase.chars(" abcd", "abcd abcd", true));
        cases.add(DiffCase.chars(" abcd", "abcd abcd", true).withJunk(List.of(" ")));
        cases.add(DiffCase.chars("ab", "c", true));
        cases.add(DiffCase.chars("foo bar", "foo baz bar", true));
        cases.add(DiffCase.chars("dabcd", "d".repeat(100) + "abc" + "d".repeat(100), true));
        cases.add(DiffCase.chars("private Thread currentThread;", "private volatile Thread currentThread;", true)
                .withJunk(List.of(" ")));
        cases.add(DiffCase.chars("python", "pytohn", true));
        cases.add(DiffCase.chars("The quick brown fox jumps over the lazy dog",
                "The quick brown cat jumps over the lazy dog", true));
        cases.add(DiffCase.lines(recursionLimitLines("A"), recursionLimitLines("B"), true));
        cases.add(DiffCase.lines(groupedDoctestA(), groupedDoctestB(), true));
        cases.add(DiffCase.lines("one\ntwo\nthree\nfour", "zero\none\ntree\nfour", true));
        cases.add(DiffCase.lines(PATCH914575_FROM1, PATCH914575_TO1, true));
        cases.add(DiffCase.lines(PATCH914575_FROM2, PATCH914575_TO2, true));
        cases.add(DiffCase.lines(PATCH914575_FROM3, PATCH914575_TO3, true));
        cases.add(DiffCase.lines(htmlDiffInput(PATCH914575_FROM1), htmlDiffInput(PATCH914575_TO1), true));
        cases.add(DiffCase.lines(Configs.TEMPLATE, Configs.DEPLOYED, true));
        cases.add(DiffCase.lines("host = localhost\nport = 5432\ndebug = False\n",
                "host = db.prod.example.com\nport = 5432\ndebug = False\npool_size = 10\n", true));
        return cases;
    }

    /** test_recursion_limit: 2000 alternating lines with limit = 1000. */
    private static String recursionLimitLines(String variant) {
        return IntStream.range(0, 2000)
                .mapToObj(i -> i % 2 == 1 ? "K:" + i : "V:" + variant + ":" + i)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** get_grouped_opcodes doctest: a = 1..39; an insertion, two replacements and a deletion in b. */
    private static String groupedDoctestA() {
        return IntStream.range(1, 40).mapToObj(Integer::toString).collect(Collectors.joining("\n"));
    }

    private static String groupedDoctestB() {
        List<String> b = new ArrayList<>(IntStream.range(1, 40).mapToObj(Integer::toString).toList());
        b.add(8, "i");
        b.set(20, b.get(20) + "x");
        b.subList(23, 28).clear();
        b.set(30, b.get(30) + "y");
        return String.join("\n", b);
    }

    /** test_html_diff's f1a/t1a: (text + '123\n' * 10) * 3. */
    private static String htmlDiffInput(String text) {
        return (text + "123\n".repeat(10)).repeat(3);
    }
}
