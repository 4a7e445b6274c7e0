package dev.fnbundle.configaudit.difflib;

/** The four edit operations of {@code SequenceMatcher.get_opcodes()}. */
public enum OpcodeTag {
    /** {@code a[i1:i2]} should be replaced by {@code b[j1:j2]}. */
    REPLACE("replace"),
    /** {@code a[i1:i2]} should be deleted ({@code j1 == j2}). */
    DELETE("delete"),
    /** {@code b[j1:j2]} should be inserted at {@code a[i1:i1]} ({@code i1 == i2}). */
    INSERT("insert"),
    /** {@code a[i1:i2] == b[j1:j2]}. */
    EQUAL("equal");

    private final String pythonName;

    OpcodeTag(String pythonName) {
        this.pythonName = pythonName;
    }

    /** The tag string Python uses, e.g. {@code "replace"}; never null. */
    public String pythonName() {
        return pythonName;
    }
}
