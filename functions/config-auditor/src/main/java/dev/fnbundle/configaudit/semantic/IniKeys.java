package dev.fnbundle.configaudit.semantic;

import dev.fnbundle.configaudit.secrets.SecretPolicy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The leaves of an INI document kept where they stand in its text: per key, its section, the offsets of its name
 * and of its value, and whether it is secret. A leaf becomes a {@link ConfigEntry} (path, name and value strings)
 * only when asked for ({@link #entry}, {@link #toMap}).
 *
 * <p>Why: an audit compares two configs whose keys are nearly all equal; building and hashing a path, a name and
 * a value string for each of 2 x 20 000 keys, to find 200 that differ, was most of reading them. Here equal keys
 * are compared as ranges of the two texts ({@link #samePath}, {@link #sameValue}) and never copied.
 *
 * <p>Kept only for documents where a path is its section and its key and nothing else: no section name or key
 * contains {@code .} (so {@code section.key} paths of distinct pairs cannot meet), and no (section, key) pair
 * comes twice. The reader checks both while reading ({@link #add} refuses a repeated pair) and reads the document
 * the general way otherwise. Not thread-safe while being filled; immutable after.
 */
final class IniKeys {
    /** Linear probing stops looking and gives up beyond this: crafted collisions cannot make reading quadratic. */
    private static final int MAX_PROBES = 64;

    private final String text;
    private final Map<String, Integer> sectionIds = new HashMap<>();
    private String[] sections = new String[16];
    private int sectionCount;
    private int size;
    private int[] sectionOf;
    private int[] keyStart;
    private int[] keyEnd;
    /** The lower-cased key where it differs from the text's characters (upper case or beyond ASCII); else null. */
    private String[] keyText;
    private int[] valueStart;
    private int[] valueEnd;
    /** A value joined from continuation lines; else null and the value is its range of the text. */
    private String[] valueText;
    private boolean[] secret;
    /** Open addressing over (section, key): slot holds leaf index + 1, 0 is free. */
    private int[] slots;

    IniKeys(String text, int expected) {
        this.text = text;
        int capacity = Math.max(16, expected);
        sectionOf = new int[capacity];
        keyStart = new int[capacity];
        keyEnd = new int[capacity];
        keyText = new String[capacity];
        valueStart = new int[capacity];
        valueEnd = new int[capacity];
        valueText = new String[capacity];
        secret = new boolean[capacity];
        slots = new int[Integer.highestOneBit(capacity) * 4];
    }

    /** {@link #plainNameHash}: the name has a capital or a character beyond ASCII. */
    static final long NEEDS_LOWER_CASE = -1;
    /** {@link #plainNameHash}: the name has a '.' before any capital or character beyond ASCII. */
    static final long HAS_DOT = -2;
    /** {@link #plainNameHash}: set above the hash when the plain name is secret ({@link SecretPolicy}). */
    static final long SECRET_NAME = 1L << 32;

    /**
     * One pass over a key's name {@code text[from, to)}: its {@link String#hashCode} (the low 32 bits of a
     * non-negative long, with {@link #SECRET_NAME} set when {@link SecretPolicy#isSecretName} holds) when it is
     * plain ASCII without capitals or '.', so it is its own lower-cased name; else {@link #NEEDS_LOWER_CASE} or
     * {@link #HAS_DOT}, whichever shows first. The secret check rides in the same pass: it was a second pass over
     * every key name of both documents, a tenth of an audit's samples.
     */
    static long plainNameHash(String text, int from, int to) {
        int hash = 0;
        long marker = 0;
        long markers = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c >= 'A' && c <= 'Z') {
                return NEEDS_LOWER_CASE;
            }
            if (c == '.') {
                return HAS_DOT;
            }
            hash = 31 * hash + c;
            marker = SecretPolicy.markerStep(marker, c);
            markers |= marker;
        }
        return (hash & 0xFFFF_FFFFL) | (SecretPolicy.endsMarker(markers) ? SECRET_NAME : 0);
    }

    /** The id of a section name (ids are dense and stable). */
    int section(String name) {
        Integer id = sectionIds.get(name);
        if (id == null) {
            id = sectionCount;
            sectionIds.put(name, id);
            if (sectionCount == sections.length) {
                sections = Arrays.copyOf(sections, sectionCount * 2);
            }
            sections[sectionCount++] = name;
        }
        return id;
    }

    /**
     * Adds a leaf with key {@code text[keyFrom, keyTo)} (or {@code lowered} when not null); its value follows
     * ({@link #valueOfLast}). {@code keyHash} is the key's {@link String#hashCode}, which the reader computes
     * while checking the name.
     *
     * @return false, adding nothing, when the section already has this key or when its hash chain is too long
     */
    boolean add(int sectionId, int keyFrom, int keyTo, String lowered, int keyHash, boolean isSecret) {
        if (size == sectionOf.length) {
            grow();
        }
        if (2 * (size + 1) > slots.length) {
            rehash();
        }
        int hash = hash(sectionId, keyHash);
        int mask = slots.length - 1;
        int slot = hash & mask;
        for (int probes = 0; slots[slot] != 0; probes++, slot = slot + 1 & mask) {
            int other = slots[slot] - 1;
            if (probes == MAX_PROBES || sectionOf[other] == sectionId && sameKey(other, keyFrom, keyTo, lowered)) {
                return false;
            }
        }
        slots[slot] = size + 1;
        sectionOf[size] = sectionId;
        keyStart[size] = keyFrom;
        keyEnd[size] = keyTo;
        keyText[size] = lowered;
        secret[size] = isSecret;
        size++;
        return true;
    }

    /** The value of the leaf added last: {@code text[from, to)}, or {@code joined} when not null. */
    void valueOfLast(int from, int to, String joined) {
        valueStart[size - 1] = from;
        valueEnd[size - 1] = to;
        valueText[size - 1] = joined;
    }

    /** The number of leaves. */
    int size() {
        return size;
    }

    /** Whether leaf {@code i} here and leaf {@code j} of {@code other} have the same path. */
    boolean samePath(int i, IniKeys other, int j) {
        if (!sections[sectionOf[i]].equals(other.sections[other.sectionOf[j]])) {
            return false;
        }
        String mine = keyText[i];
        String theirs = other.keyText[j];
        if (mine != null || theirs != null) {
            return key(i).equals(other.key(j));
        }
        int length = keyEnd[i] - keyStart[i];
        return length == other.keyEnd[j] - other.keyStart[j]
                && text.regionMatches(keyStart[i], other.text, other.keyStart[j], length);
    }

    /** Whether leaf {@code i} here and leaf {@code j} of {@code other} have equal values. */
    boolean sameValue(int i, IniKeys other, int j) {
        if (valueText[i] != null || other.valueText[j] != null) {
            return value(i).equals(other.value(j));
        }
        int length = valueEnd[i] - valueStart[i];
        return length == other.valueEnd[j] - other.valueStart[j]
                && text.regionMatches(valueStart[i], other.text, other.valueStart[j], length);
    }

    /** Leaf {@code i} as an entry (new strings). */
    ConfigEntry entry(int i) {
        String section = sections[sectionOf[i]];
        String key = key(i);
        return new ConfigEntry(section.isEmpty() ? key : section + "." + key, key, value(i), secret[i]);
    }

    /** Every leaf by path, in document order. */
    Map<String, ConfigEntry> toMap() {
        Map<String, ConfigEntry> map = LinkedHashMap.newLinkedHashMap(size);
        for (int i = 0; i < size; i++) {
            ConfigEntry entry = entry(i);
            map.put(entry.path(), entry);
        }
        return map;
    }

    private String key(int i) {
        return keyText[i] != null ? keyText[i] : text.substring(keyStart[i], keyEnd[i]);
    }

    private String value(int i) {
        return valueText[i] != null ? valueText[i] : text.substring(valueStart[i], valueEnd[i]);
    }

    private boolean sameKey(int i, int from, int to, String lowered) {
        if (keyText[i] != null || lowered != null) {
            return key(i).equals(lowered != null ? lowered : text.substring(from, to));
        }
        return keyEnd[i] - keyStart[i] == to - from && text.regionMatches(keyStart[i], text, from, to - from);
    }

    /** {@link String#hashCode} of {@code text[from, to)}, without the string. */
    private int rangeHash(int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }

    private static int hash(int sectionId, int keyHash) {
        // Fibonacci hashing: the product's upper half depends on every bit of the key's hash and the section.
        long h = ((long) keyHash << 32 | sectionId & 0xFFFF_FFFFL) * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 32);
    }

    private int keyHashOf(int i) {
        return keyText[i] != null ? keyText[i].hashCode() : rangeHash(keyStart[i], keyEnd[i]);
    }

    private void grow() {
        int capacity = sectionOf.length * 2;
        sectionOf = Arrays.copyOf(sectionOf, capacity);
        keyStart = Arrays.copyOf(keyStart, capacity);
        keyEnd = Arrays.copyOf(keyEnd, capacity);
        keyText = Arrays.copyOf(keyText, capacity);
        valueStart = Arrays.copyOf(valueStart, capacity);
        valueEnd = Arrays.copyOf(valueEnd, capacity);
        valueText = Arrays.copyOf(valueText, capacity);
        secret = Arrays.copyOf(secret, capacity);
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int i = 0; i < size; i++) {
            int slot = hash(sectionOf[i], keyHashOf(i)) & mask;
            while (slots[slot] != 0) {
                slot = slot + 1 & mask;
            }
            slots[slot] = i + 1;
        }
    }
}
