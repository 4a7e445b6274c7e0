package dev.fnbundle.orders.graph;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Maps node names to dense ints 0, 1, 2, ... in first-seen order, the order of graphlib's {@code _node2info}.
 *
 * <p>Names are keyed by their canonical bytes ({@link Wtf8}), straight from the JSON reader's buffer: a name seen
 * before costs a hash and a probe, never an allocation. Built for millions of lookups in random order, where cache
 * misses dominate: a slot is two longs side by side, the name's first eight bytes and a tag (16 hash bits, the
 * length, the id), so a name of up to eight bytes is found with one cache miss and a longer one with two (its
 * remaining bytes sit in one byte pool). Strings are made on demand, once per name. About 40 bytes of table per
 * name plus its bytes. Not thread-safe.
 */
final class NameInterner {
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long TAG_MASK = 0xFFFF_FFFF_0000_0000L;

    /** Two longs per slot: the first word of the name, then hash16 | length16 | id + 1 (0 = empty). */
    private long[] table;
    private int mask;
    private byte[] pool;
    private int poolSize;
    /** Pool position of name {@code id}; its end is the next name's start (or {@link #poolSize}). */
    private int[] starts;
    /** The full hash of name {@code id}, to grow the table without reading the pool. */
    private long[] hashes;
    private int size;

    NameInterner(int expectedNames) {
        int expected = Math.max(16, expectedNames);
        int capacity = Integer.highestOneBit(expected * 2 - 1) << 1;
        table = new long[capacity * 2];
        mask = capacity - 1;
        starts = new int[expected];
        hashes = new long[expected];
        pool = new byte[Math.max(64, expected * 8)];
    }

    int size() {
        return size;
    }

    /** The name of {@code id}, as a new String. */
    String name(int id) {
        return Wtf8.decode(pool, starts[id], lengthOf(id));
    }

    /** The names in id order. */
    String[] namesInOrder() {
        String[] names = new String[size];
        boolean ascii = true;
        for (int i = 0; i < poolSize && ascii; i++) {
            ascii = pool[i] >= 0;
        }
        for (int id = 0; id < size; id++) {
            // one test of the whole pool spares each name Wtf8's own
            names[id] = ascii ? new String(pool, starts[id], lengthOf(id), StandardCharsets.ISO_8859_1) : name(id);
        }
        return names;
    }

    /** The id of {@code name}, or -1 when it was never interned. */
    int find(String name) {
        byte[] bytes = Wtf8.encode(name);
        return lookup(bytes, 0, bytes.length, false);
    }

    /** The id of {@code name}, interning it with the next id when new. */
    int intern(String name) {
        byte[] bytes = Wtf8.encode(name);
        return lookup(bytes, 0, bytes.length, true);
    }

    /** The id of the name whose canonical bytes are {@code bytes[offset, offset + length)}, interned when new. */
    int intern(byte[] bytes, int offset, int length) {
        return lookup(bytes, offset, length, true);
    }

    /** The hash that {@link #intern(byte[], int, int, long)} takes. */
    static long hashOf(byte[] bytes, int offset, int length) {
        return hash(bytes, offset, length, firstWord(bytes, offset, length));
    }

    /** Reads the home slot of a hash, so that a batch of lookups overlaps its cache misses. */
    long touch(long hash) {
        return table[2 * ((int) hash & mask) + 1];
    }

    int intern(byte[] bytes, int offset, int length, long hash) {
        return lookup(bytes, offset, length, hash, firstWord(bytes, offset, length), true);
    }

    private int lookup(byte[] bytes, int offset, int length, boolean add) {
        long first = firstWord(bytes, offset, length);
        return lookup(bytes, offset, length, hash(bytes, offset, length, first), first, add);
    }

    private int lookup(byte[] bytes, int offset, int length, long hash, long first, boolean add) {
        long tag = (hash >>> 48) << 48 | (long) Math.min(length, 0xFFFF) << 32;
        for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
            long meta = table[2 * slot + 1];
            if (meta == 0) {
                return add ? insert(slot, first, tag, hash, bytes, offset, length) : -1;
            }
            if ((meta & TAG_MASK) == tag && table[2 * slot] == first
                    && (length <= 8 || sameTail((int) meta - 1, bytes, offset, length))) {
                return (int) meta - 1;
            }
        }
    }

    private boolean sameTail(int id, byte[] bytes, int offset, int length) {
        int start = starts[id];
        return lengthOf(id) == length
                && Arrays.equals(pool, start + 8, start + length, bytes, offset + 8, offset + length);
    }

    private int lengthOf(int id) {
        return (id + 1 < size ? starts[id + 1] : poolSize) - starts[id];
    }

    private int insert(int slot, long first, long tag, long hash, byte[] bytes, int offset, int length) {
        if (size == Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("too many names");
        }
        if (size == starts.length) {
            int grown = (int) Math.min(Integer.MAX_VALUE - 16, starts.length + (long) (starts.length >> 1) + 16);
            starts = Arrays.copyOf(starts, grown);
            hashes = Arrays.copyOf(hashes, grown);
        }
        long needed = (long) poolSize + length;
        if (needed > pool.length) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("node names exceed " + Integer.MAX_VALUE + " bytes in total");
            }
            pool = Arrays.copyOf(pool, (int) Math.min(Integer.MAX_VALUE - 16,
                    Math.max(needed, pool.length + (long) (pool.length >> 1))));
        }
        int id = size++;
        System.arraycopy(bytes, offset, pool, poolSize, length);
        starts[id] = poolSize;
        hashes[id] = hash;
        poolSize += length;
        table[2 * slot] = first;
        table[2 * slot + 1] = tag | (id + 1);
        if (size * 2L > mask + 1L) {
            grow();
        }
        return id;
    }

    private void grow() {
        int capacity = (mask + 1) * 2;
        long[] old = table;
        table = new long[capacity * 2];
        mask = capacity - 1;
        for (int s = 0; s < old.length; s += 2) {
            long meta = old[s + 1];
            if (meta != 0) {
                int slot = (int) hashes[(int) meta - 1] & mask;
                while (table[2 * slot + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[2 * slot] = old[s];
                table[2 * slot + 1] = meta;
            }
        }
    }

    /** The first eight bytes, little-endian, zero-padded: the whole name when it is short. */
    private static long firstWord(byte[] bytes, int offset, int length) {
        if (offset + 8 <= bytes.length) {
            long word = (long) LONG_LE.get(bytes, offset);
            return length >= 8 ? word : word & ((1L << (length << 3)) - 1);
        }
        long word = 0;
        for (int i = Math.min(length, 8) - 1; i >= 0; i--) {
            word = word << 8 | bytes[offset + i] & 0xFF;
        }
        return word;
    }

    private static long hash(byte[] bytes, int offset, int length, long first) {
        long h = mix(first ^ length * 0x9E3779B97F4A7C15L);
        int i = offset + 8;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) {
            h = mix(h ^ (long) LONG_LE.get(bytes, i));
        }
        if (i < end) {
            long word = 0;
            for (int k = end - 1; k >= i; k--) {
                word = word << 8 | bytes[k] & 0xFF;
            }
            h = mix(h ^ word);
        }
        return h;
    }

    /** MurmurHash3's 64-bit finalizer: every input bit moves every output bit. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ h >>> 33;
    }
}
