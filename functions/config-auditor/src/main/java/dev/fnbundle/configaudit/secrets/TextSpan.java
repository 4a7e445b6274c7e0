package dev.fnbundle.configaudit.secrets;

/**
 * A range of characters in a text: {@code [start, end)}, UTF-16 offsets.
 *
 * @param start first character, {@code 0 <= start}
 * @param end   one past the last character, {@code start <= end}
 */
public record TextSpan(int start, int end) {
    /** @throws IllegalArgumentException when the bounds are out of order or negative */
    public TextSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** True when the span holds no characters. */
    public boolean isEmpty() {
        return start == end;
    }
}
