package dev.fnbundle.orders.packages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version ({@code [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]}, with PEP 440's alternative spellings),
 * ordered exactly as the {@code packaging} library orders them: {@code 1.0 == 1.0.0}, {@code 1.10 > 1.9},
 * {@code 1.0.dev0 < 1.0a1 < 1.0 < 1.0.post1}, local versions after their public version.
 *
 * <p>Immutable; equality agrees with {@link #compareTo(Version)}. {@link #toString()} is the text as given.
 */
public final class Version implements Comparable<Version> {
    private static final Pattern SYNTAX = Pattern.compile("""
            v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)
            (?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?
            (?<post>-(?<postN1>[0-9]+)|[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?)?
            (?<dev>[-_.]?dev[-_.]?(?<devN>[0-9]+)?)?
            (?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?""", Pattern.COMMENTS | Pattern.CASE_INSENSITIVE);
    private static final int NONE = -1;
    /** The longest version text accepted, surrounding whitespace excluded (as long as a graph node's name). */
    public static final int MAX_LENGTH = 1000;

    private final String text;
    private final long epoch;
    private final long[] release;
    /** 0 alpha, 1 beta, 2 release candidate, NONE. */
    private final int preKind;
    private final long preNumber;
    private final long post;
    private final long dev;
    /** Long and String segments; null when there is no local label. */
    private final List<Object> local;

    private Version(String text, long epoch, long[] release, int preKind, long preNumber, long post, long dev,
                    List<Object> local) {
        this.text = text;
        this.epoch = epoch;
        this.release = release;
        this.preKind = preKind;
        this.preNumber = preNumber;
        this.post = post;
        this.dev = dev;
        this.local = local;
    }

    /**
     * Parses a PEP 440 version; surrounding whitespace is ignored. Linear in the text, which is read at most
     * {@value #MAX_LENGTH} characters long.
     *
     * @throws VersionSyntaxException when {@code text} is not a valid version, is longer than {@value #MAX_LENGTH}
     *                                characters or a number has over 18 digits
     * @throws NullPointerException   when {@code text} is null
     */
    public static Version parse(String text) {
        String trimmed = text.strip();
        // Java runs each repetition of a group such as (?:\.[0-9]+)* one stack frame deeper: a megabyte of
        // "1." would overflow the stack (a 500) before failing to match. No real version is near this long.
        if (trimmed.length() > MAX_LENGTH) {
            throw new VersionSyntaxException("is longer than " + MAX_LENGTH + " characters");
        }
        Matcher m = SYNTAX.matcher(trimmed);
        if (!m.matches()) {
            throw new VersionSyntaxException("is not a PEP 440 version such as 1.0.0, 2024.2 or 2.0rc1");
        }
        long[] release = Arrays.stream(m.group("release").split("\\.")).mapToLong(Version::number).toArray();
        int preKind = NONE;
        long preNumber = 0;
        if (m.group("pre") != null) {
            preKind = switch (m.group("preL").toLowerCase(Locale.ROOT)) {
                case "a", "alpha" -> 0;
                case "b", "beta" -> 1;
                default -> 2;
            };
            preNumber = optionalNumber(m.group("preN"));
        }
        long post = NONE;
        if (m.group("post") != null) {
            post = m.group("postN1") != null ? number(m.group("postN1")) : optionalNumber(m.group("postN2"));
        }
        long dev = m.group("dev") != null ? optionalNumber(m.group("devN")) : NONE;
        return new Version(trimmed, m.group("epoch") == null ? 0 : number(m.group("epoch")), release, preKind,
                preNumber, post, dev, localSegments(m.group("local")));
    }

    /** Whether this is a pre-release or a development release. */
    public boolean isPrerelease() {
        return preKind != NONE || dev != NONE;
    }

    /** Whether this is a post-release. */
    public boolean isPostrelease() {
        return post != NONE;
    }

    /** Whether this version has a local label ({@code +ubuntu.1}). */
    public boolean hasLocal() {
        return local != null;
    }

    /** This version without its local label. */
    public Version publicVersion() {
        return local == null ? this : new Version(text, epoch, release, preKind, preNumber, post, dev, null);
    }

    /** Epoch and release only ({@code 1.2rc1.post2 -> 1.2}). */
    public Version baseVersion() {
        return new Version(text, epoch, release, NONE, 0, NONE, NONE, null);
    }

    /** The earliest pre-release of this version: {@code 1.2 -> 1.2.dev0}, {@code 1.2.post1 -> 1.2.post1.dev0}. */
    Version earliestPrerelease() {
        return new Version(text, epoch, release, preKind, preNumber, post, 0, null);
    }

    /** The version this is a post-release of: {@code 1.0a1.post2.dev1 -> 1.0a1}. */
    Version postBase() {
        return new Version(text, epoch, release, preKind, preNumber, NONE, NONE, null);
    }

    long epoch() {
        return epoch;
    }

    /** The release numbers; a copy. */
    long[] release() {
        return release.clone();
    }

    /** The canonical PEP 440 spelling ({@code 1.0-RC.1 -> 1.0rc1}), for {@code ===} comparisons. */
    public String normalized() {
        StringBuilder out = new StringBuilder();
        if (epoch != 0) {
            out.append(epoch).append('!');
        }
        for (int i = 0; i < release.length; i++) {
            out.append(i == 0 ? "" : ".").append(release[i]);
        }
        if (preKind != NONE) {
            out.append(new String[] {"a", "b", "rc"}[preKind]).append(preNumber);
        }
        if (post != NONE) {
            out.append(".post").append(post);
        }
        if (dev != NONE) {
            out.append(".dev").append(dev);
        }
        if (local != null) {
            out.append('+');
            for (int i = 0; i < local.size(); i++) {
                out.append(i == 0 ? "" : ".").append(local.get(i));
            }
        }
        return out.toString();
    }

    @Override
    public int compareTo(Version other) {
        int c = Long.compare(epoch, other.epoch);
        for (int i = 0; c == 0 && i < Math.max(release.length, other.release.length); i++) {
            c = Long.compare(i < release.length ? release[i] : 0, i < other.release.length ? other.release[i] : 0);
        }
        if (c == 0) {
            c = Long.compare(preRank(), other.preRank());
        }
        if (c == 0) {
            c = Long.compare(preKind == NONE ? 0 : preNumber, other.preKind == NONE ? 0 : other.preNumber);
        }
        if (c == 0) {
            c = Long.compare(post, other.post);
        }
        if (c == 0) {
            c = Long.compare(dev == NONE ? Long.MAX_VALUE : dev, other.dev == NONE ? Long.MAX_VALUE : other.dev);
        }
        return c != 0 ? c : compareLocal(local, other.local);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        int end = release.length;
        while (end > 0 && release[end - 1] == 0) {
            end--;
        }
        return Objects.hash(epoch, Arrays.hashCode(Arrays.copyOf(release, end)), preRank(),
                preKind == NONE ? 0 : preNumber, post, dev, local);
    }

    /** The version as it was written (trimmed). */
    @Override
    public String toString() {
        return text;
    }

    /** packaging's _cmpkey: a dev release without pre or post sorts before every pre-release of its release. */
    private long preRank() {
        if (preKind == NONE && post == NONE && dev != NONE) {
            return -1;
        }
        return preKind == NONE ? 3 : preKind;
    }

    /** No label sorts first; numeric segments sort after alphanumeric ones; a shorter prefix sorts first. */
    private static int compareLocal(List<Object> a, List<Object> b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x instanceof Long lx && y instanceof Long ly) {
                c = Long.compare(lx, ly);
            } else if (x instanceof String sx && y instanceof String sy) {
                c = sx.compareTo(sy);
            } else {
                c = x instanceof Long ? 1 : -1;
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static List<Object> localSegments(String label) {
        if (label == null) {
            return null;
        }
        List<Object> segments = new ArrayList<>();
        for (String part : label.toLowerCase(Locale.ROOT).split("[-_.]")) {
            segments.add(part.chars().allMatch(Character::isDigit) ? (Object) number(part) : part);
        }
        return List.copyOf(segments);
    }

    private static long optionalNumber(String digits) {
        return digits == null ? 0 : number(digits);
    }

    private static long number(String digits) {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 18) {
            throw new VersionSyntaxException("has a number with more than 18 digits");
        }
        return Long.parseLong(significant);
    }
}
