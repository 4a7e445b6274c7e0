package dev.fnbundle.configaudit.difflib;

/**
 * A matching block, Python's {@code difflib.Match(a, b, size)}: {@code a[a:a+size]} equals {@code b[b:b+size]}.
 *
 * @param a    start index in the first sequence
 * @param b    start index in the second sequence
 * @param size number of matching elements; 0 only for the final sentinel block
 */
public record Match(int a, int b, int size) {
}
