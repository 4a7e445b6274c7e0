package dev.fnbundle.orders.graph;

import java.util.Arrays;

/**
 * Maps node names to dense ints 0, 1, 2, ... in first-seen order, the order of graphlib's {@code _node2info}.
 *
 * <p>Built for millions of lookups in random order, where cache misses dominate: each slot of the open-addressing
 * table packs the name's hash with the name's position in one character pool, and the pool holds the id, the
 * length and the characters side by side, so a lookup costs about two cache misses (a HashMap of Strings costs
 * four or five). Strings are only made on demand. About 20 bytes of table per name plus 2 bytes per character.
 */
final class NameInterner {
    /** Characters of a pool record before the name: id (2 chars), then length (2 chars). */
    private static final int HEADER = 4;

    /** Slot: hash in the high 32 bits, pool position + 1 in the low 32 bits; 0 is empty. */
    private long[] slots;
    private int mask;
    private char[] pool;
    private int poolSize;
    /** The pool position of name {@code id}. */
    private int[] starts;
    private int size;

    NameInterner(int expectedNames) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedNames) * 2 - 1) << 1;
        slots = new long[capacity];
        mask = capacity - 1;
        starts = new int[Math.max(16, expectedNames)];
        pool = new char[Math.max(64, expectedNames * 8)];
    }

    int size() {
        return size;
    }

    /** The name of {@code id}, as a new String. */
    String name(int id) {
        int at = starts[id];
        return new String(pool, at + HEADER, lengthAt(at));
    }

    /** The id of {@code name}, or -1 when it was never interned. */
    int find(String name) {
        int hash = mix(name.hashCode());
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == hash && sameChars((int) entry - 1, name)) {
                return idAt((int) entry - 1);
            }
        }
    }

    /** The id of {@code name}, interning it with the next id when new. */
    int intern(String name) {
        int id = find(name);
        if (id >= 0) {
            return id;
        }
        char[] chars = name.toCharArray();
        return intern(chars, 0, chars.length);
    }

    /** Like {@link #intern(String)} for the characters {@code chars[offset, offset + length)}. */
    int intern(char[] chars, int offset, int length) {
        int raw = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            raw = 31 * raw + chars[i];
        }
        int hash = mix(raw);
        int slot = hash & mask;
        for (long entry = slots[slot]; entry != 0; entry = slots[slot]) {
            if ((int) (entry >>> 32) == hash && sameChars((int) entry - 1, chars, offset, length)) {
                return idAt((int) entry - 1);
            }
            slot = (slot + 1) & mask;
        }
        return insert(slot, hash, chars, offset, length);
    }

    /** The names in id order. */
    String[] namesInOrder() {
        String[] names = new String[size];
        for (int id = 0; id < size; id++) {
            names[id] = name(id);
        }
        return names;
    }

    private int insert(int slot, int hash, char[] chars, int offset, int length) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, starts.length + (starts.length >> 1) + 16);
        }
        long needed = (long) poolSize + HEADER + length;
        if (needed > pool.length) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("node names exceed " + Integer.MAX_VALUE + " characters in total");
            }
            pool = Arrays.copyOf(pool, (int) Math.min(Integer.MAX_VALUE - 16,
                    Math.max(needed, pool.length + (long) (pool.length >> 1))));
        }
        int id = size++;
        int at = poolSize;
        pool[at] = (char) (id >>> 16);
        pool[at + 1] = (char) id;
        pool[at + 2] = (char) (length >>> 16);
        pool[at + 3] = (char) length;
        System.arraycopy(chars, offset, pool, at + HEADER, length);
        poolSize = at + HEADER + length;
        starts[id] = at;
        slots[slot] = ((long) hash << 32) | (at + 1);
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return id;
    }

    private int idAt(int at) {
        return pool[at] << 16 | pool[at + 1];
    }

    private int lengthAt(int at) {
        return pool[at + 2] << 16 | pool[at + 3];
    }

    private void rehash(int capacity) {
        long[] old = slots;
        slots = new long[capacity];
        mask = capacity - 1;
        for (long entry : old) {
            if (entry != 0) {
                int slot = (int) (entry >>> 32) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = entry;
            }
        }
    }

    private boolean sameChars(int at, char[] chars, int offset, int length) {
        if (lengthAt(at) != length) {
            return false;
        }
        for (int i = 0, start = at + HEADER; i < length; i++) {
            if (pool[start + i] != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private boolean sameChars(int at, String name) {
        if (lengthAt(at) != name.length()) {
            return false;
        }
        for (int i = 0, start = at + HEADER; i < name.length(); i++) {
            if (pool[start + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Spreads String-style hashes, whose low bits collide for names like n1, n2, n3 that differ at the end. */
    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
