package dev.fnbundle.configaudit.audit;

/**
 * Bounds on what one audit accepts.
 *
 * @param maxBytesPerSide  largest baseline or current, in UTF-8 bytes
 * @param maxContext       largest number of context lines
 * @param maxCriticalKeys  most critical-key patterns
 * @param maxPatternLength longest critical-key pattern, in characters
 * @param maxLinesPerSide  most lines (as Python's {@code splitlines} counts them) of the baseline or the current
 * @param maxMatchWork     most steps the line matcher may take ({@code SequenceMatcher#limitWork}); bounds the
 *                         time and memory of pathological inputs, such as many lines repeated just under the
 *                         autojunk threshold or with autojunk off
 */
public record AuditLimits(long maxBytesPerSide, int maxContext, int maxCriticalKeys, int maxPatternLength,
                          int maxLinesPerSide, long maxMatchWork) {
    /** Bounds without a line or matcher-work limit. */
    public AuditLimits(long maxBytesPerSide, int maxContext, int maxCriticalKeys, int maxPatternLength) {
        this(maxBytesPerSide, maxContext, maxCriticalKeys, maxPatternLength, Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * 5 MiB and 200 000 lines per side, 1000 context lines, 100 patterns of at most 256 characters, and
     * 20 million matcher steps (seconds and some hundred MB at worst; realistic configs of 200 000 lines with
     * 1% drift need under a million).
     */
    public static AuditLimits defaults() {
        return new AuditLimits(5L * 1024 * 1024, 1000, 100, 256, 200_000, 20_000_000L);
    }
}
