package dev.fnbundle.configaudit.secrets;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Masks known secret values wherever they occur in a text, raw or escaped ({@link DecodedView}): the values of
 * secret keys found by parsing either side of an audit, and the passwords of URLs in any value.
 *
 * <p>Short values are not searched for: a value under {@value #MIN_LENGTH} characters ({@code password: a},
 * {@code pin: 1234}) is masked only where it stands (its own key's position and line), because hiding every
 * {@code a} or {@code 1234} of a diff would destroy it. Longer values are found anywhere, and so is each line of a
 * multi-line value (a PEM block's lines). A value longer than {@value #CHUNK} characters is searched as
 * {@value #CHUNK}-character pieces that tile it, so any {@value #CHUNK} characters of it that appear elsewhere are
 * masked too (a secret's substring is still a secret).
 *
 * <p>Cost: one rolling-hash pass per view and distinct piece length ({@value #MIN_LENGTH} to {@value #CHUNK}),
 * O(text length) each, with a hash filter on each piece's first {@value #MIN_LENGTH} characters; memory is one
 * 64-bit hash per piece. The hash is polynomial modulo 2<sup>61</sup>-1 with a base drawn at random per process,
 * so inputs cannot be crafted to collide; a collision (odds near 2<sup>-40</sup> per audit) would only over-mask.
 * Thread-safe once built.
 */
public final class SecretRedactor {
    /** Values shorter than this are masked only in their own position, never searched for. */
    public static final int MIN_LENGTH = 6;
    /** Longer values are searched as pieces of this length. */
    static final int CHUNK = 16;

    private static final long MOD = (1L << 61) - 1;
    private static final long BASE = 1_000_003L + new SecureRandom().nextLong(1L << 40);
    private static final long[] POWERS = powers();
    private static final SecretRedactor NONE = new SecretRedactor();

    private final LongSet prefixes = new LongSet();
    private final LongSet[] pieces = new LongSet[CHUNK + 1];

    private SecretRedactor() {
    }

    /** A redactor that masks nothing. */
    public static SecretRedactor none() {
        return NONE;
    }

    /** A redactor for these secret values (null and short ones are skipped). */
    public static SecretRedactor of(Collection<String> values) {
        SecretRedactor r = new SecretRedactor();
        for (String value : values) {
            if (value == null) {
                continue;
            }
            r.addPiece(value);
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                value.lines().forEach(r::addPiece);
            }
        }
        return r.prefixes.isEmpty() ? NONE : r;
    }

    /** True when there is nothing to search for. */
    public boolean isEmpty() {
        return prefixes.isEmpty();
    }

    /** The text with every occurrence masked. */
    public String redact(String text) {
        return isEmpty() ? text : TextMasks.apply(text, find(text));
    }

    /** The raw spans of every occurrence, in no particular order (they may overlap). */
    List<TextSpan> find(String text) {
        List<TextSpan> found = new ArrayList<>();
        if (isEmpty() || text.length() < MIN_LENGTH) {
            return found;
        }
        Run raw = new Run(found);
        search(text, raw::add);
        raw.close();
        for (DecodedView view : DecodedView.of(text)) {
            Run decoded = new Run(found);
            search(view.text, (from, to) -> {
                TextSpan span = view.raw(from, to);
                decoded.add(span.start(), span.end());
            });
            decoded.close();
        }
        return found;
    }

    private interface Hit {
        void at(int from, int to);
    }

    /** Merges hits reported in increasing order of start, so a text full of matches yields few spans. */
    private static final class Run {
        private final List<TextSpan> out;
        private int start = -1;
        private int end = -1;

        Run(List<TextSpan> out) {
            this.out = out;
        }

        void add(int from, int to) {
            if (start >= 0 && from <= end) {
                end = Math.max(end, to);
                return;
            }
            close();
            start = from;
            end = to;
        }

        void close() {
            if (start >= 0) {
                out.add(new TextSpan(start, end));
                start = -1;
            }
        }
    }

    private void search(String s, Hit hit) {
        int n = s.length();
        if (n < MIN_LENGTH) {
            return;
        }
        long[] prefix = new long[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = step(prefix[i], s.charAt(i));
        }
        for (int i = 0; i + MIN_LENGTH <= n; i++) {
            if (!prefixes.contains(window(prefix, i, MIN_LENGTH))) {
                continue;
            }
            // The longest piece starting here covers the shorter ones.
            for (int w = Math.min(CHUNK, n - i); w >= MIN_LENGTH; w--) {
                if (pieces[w] != null && pieces[w].contains(window(prefix, i, w))) {
                    hit.at(i, i + w);
                    break;
                }
            }
        }
    }

    private void addPiece(String raw) {
        String piece = raw.strip();
        int n = piece.length();
        if (n < MIN_LENGTH) {
            return;
        }
        if (n <= CHUNK) {
            add(piece, 0, n);
            return;
        }
        for (int from = 0; from + CHUNK <= n; from += CHUNK) {
            add(piece, from, from + CHUNK);
        }
        if (n % CHUNK != 0) {
            add(piece, n - CHUNK, n);
        }
    }

    private void add(String s, int from, int to) {
        long h = 0;
        for (int i = from; i < to; i++) {
            h = step(h, s.charAt(i));
            if (i - from + 1 == MIN_LENGTH) {
                prefixes.add(h);
            }
        }
        int w = to - from;
        if (pieces[w] == null) {
            pieces[w] = new LongSet();
        }
        pieces[w].add(h);
    }

    private static long step(long h, char c) {
        long r = mulMod(h, BASE) + c + 1;
        return r >= MOD ? r - MOD : r;
    }

    private static long window(long[] prefix, int from, int length) {
        long h = prefix[from + length] - mulMod(prefix[from], POWERS[length]);
        return h < 0 ? h + MOD : h;
    }

    /** {@code a * b mod 2^61-1} for {@code a, b < 2^61}. */
    private static long mulMod(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        long r = (lo & MOD) + (lo >>> 61 | hi << 3);
        r = (r & MOD) + (r >>> 61);
        return r >= MOD ? r - MOD : r;
    }

    private static long[] powers() {
        long[] p = new long[CHUNK + 1];
        p[0] = 1;
        for (int i = 1; i <= CHUNK; i++) {
            p[i] = mulMod(p[i - 1], BASE);
        }
        return p;
    }

    /** An open-addressing set of hashes in {@code [0, 2^61-1)}, stored plus one so that 0 marks a free slot. */
    private static final class LongSet {
        private long[] slots = new long[16];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        void add(long hash) {
            if (2 * (size + 1) > slots.length) {
                grow();
            }
            if (insert(slots, hash + 1)) {
                size++;
            }
        }

        boolean contains(long hash) {
            long key = hash + 1;
            int mask = slots.length - 1;
            for (int i = spread(key) & mask; slots[i] != 0; i = i + 1 & mask) {
                if (slots[i] == key) {
                    return true;
                }
            }
            return false;
        }

        private static boolean insert(long[] table, long key) {
            int mask = table.length - 1;
            int i = spread(key) & mask;
            while (table[i] != 0) {
                if (table[i] == key) {
                    return false;
                }
                i = i + 1 & mask;
            }
            table[i] = key;
            return true;
        }

        private void grow() {
            long[] bigger = new long[slots.length * 2];
            for (long key : slots) {
                if (key != 0) {
                    insert(bigger, key);
                }
            }
            slots = bigger;
        }

        private static int spread(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ h >>> 32);
        }
    }
}
