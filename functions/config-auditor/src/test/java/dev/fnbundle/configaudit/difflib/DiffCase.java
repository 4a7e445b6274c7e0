package dev.fnbundle.configaudit.difflib;

import java.util.List;

/**
 * One input of the differential test, as sent to the Python oracle.
 *
 * @param kind     "lines" (a and b are texts split with splitlines(keepends=True)) or "chars"
 * @param a        first text
 * @param b        second text
 * @param autojunk the autojunk switch
 * @param junk     elements the junk predicate accepts, or null for Python's None
 * @param ns       context sizes for grouped opcodes and unified diffs
 */
public record DiffCase(String kind, String a, String b, boolean autojunk, List<String> junk, List<Integer> ns) {
    static DiffCase lines(String a, String b, boolean autojunk) {
        return new DiffCase("lines", a, b, autojunk, null, List.of(0, 1, 2, 3, 4, 5));
    }

    static DiffCase chars(String a, String b, boolean autojunk) {
        return new DiffCase("chars", a, b, autojunk, null, List.of(0, 1, 3));
    }

    DiffCase withJunk(List<String> junkElements) {
        return new DiffCase(kind, a, b, autojunk, junkElements, ns);
    }
}
