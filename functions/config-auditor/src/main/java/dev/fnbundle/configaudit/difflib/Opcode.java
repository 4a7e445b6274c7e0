package dev.fnbundle.configaudit.difflib;

import java.util.Objects;

/**
 * One 5-tuple of {@code get_opcodes()}: {@code (tag, i1, i2, j1, j2)}.
 *
 * @param tag the operation, never null
 * @param i1  start in the first sequence (inclusive)
 * @param i2  end in the first sequence (exclusive)
 * @param j1  start in the second sequence (inclusive)
 * @param j2  end in the second sequence (exclusive)
 */
public record Opcode(OpcodeTag tag, int i1, int i2, int j1, int j2) {
    /** Checks the tag is present; ranges are trusted because only the matcher builds opcodes. */
    public Opcode {
        Objects.requireNonNull(tag, "tag");
    }

    /** Python's tuple spelling, e.g. {@code ('equal', 0, 2, 0, 2)}, handy in tests and logs. */
    @Override
    public String toString() {
        return "('" + tag.pythonName() + "', " + i1 + ", " + i2 + ", " + j1 + ", " + j2 + ")";
    }
}
