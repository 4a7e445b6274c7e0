package dev.fnbundle.configaudit;

/**
 * Bounds on what one audit accepts.
 *
 * @param maxBytesPerSide  largest baseline or current, in UTF-8 bytes
 * @param maxContext       largest number of context lines
 * @param maxCriticalKeys  most critical-key patterns
 * @param maxPatternLength longest critical-key pattern, in characters
 */
public record AuditLimits(long maxBytesPerSide, int maxContext, int maxCriticalKeys, int maxPatternLength) {
    /** 5 MiB per side, 1000 context lines, 100 patterns of at most 256 characters. */
    public static AuditLimits defaults() {
        return new AuditLimits(5L * 1024 * 1024, 1000, 100, 256);
    }
}
