package dev.fnbundle.common.json;

/** A body that is not one well-formed JSON document; answered with 400 and the position of the defect. */
public final class MalformedJsonException extends RuntimeException {
    private final int line;
    private final int column;

    public MalformedJsonException(String reason, int line, int column) {
        super(reason);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the defect, 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the defect, 0 when unknown. */
    public int column() {
        return column;
    }
}
