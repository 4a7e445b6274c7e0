package dev.fnbundle.fuzzy.search;

import java.util.Arrays;

/**
 * A built {@link CatalogIndex} in binary, so that a cold container decodes its search structures instead of splitting
 * every text into words again (the split, the vocabulary's Metaphone codes and the trie's sort are most of a build).
 *
 * <p>What is stored is what is costly to derive; the rest (postings, phonetic groups, the edit filter's arrays, the
 * trie's nodes) is rebuilt from it in linear passes over int arrays. Layout, every number an unsigned varint: the
 * format ({@value #FORMAT}), the Java feature release that wrote it (word splitting follows the JDK's Unicode tables,
 * so another release rebuilds instead), the item count, the vocabulary size and each word as its code points and its
 * Metaphone code, the vocabulary ids in code point order (the trie's), the edit alphabet's code points and ids, each
 * item's word count, and every item's words as vocabulary ids. The item ids and texts are not part of it.
 *
 * <p>{@link #decode} is safe on any input: counts are checked against the bytes left before anything is allocated and
 * every cross-reference is range-checked, so bad bytes end in {@link IndexSnapshotException}. It trusts the writer
 * for what only a rebuild could verify (that the words are those of the texts); the enclosing snapshot's checksum
 * guards the bytes. Stateless and thread-safe.
 */
public final class IndexSnapshot {
    /** The layout written by {@link #encode}; another value is refused. */
    static final int FORMAT = 1;

    private IndexSnapshot() {
    }

    /** @return the index's search structures in binary; O(vocabulary + word occurrences) */
    public static byte[] encode(CatalogIndex index) {
        WordIndex words = index.words();
        VarintWriter out = new VarintWriter(index.size() * 12 + 1024);
        out.write(FORMAT);
        out.write(Runtime.version().feature());
        out.write(index.size());
        WordForm[] vocabulary = words.vocabulary();
        out.write(vocabulary.length);
        for (WordForm word : vocabulary) {
            out.writeAll(word.codePoints());
            out.writeAll(word.metaphone().chars().toArray());
        }
        out.writeEach(words.prefixes().order());
        Alphabet alphabet = words.neighbours().alphabet();
        out.writeAll(alphabet.sortedCodePoints());
        out.writeEach(alphabet.idsOfSorted());
        int[] offsets = words.itemOffsets();
        for (int position = 0; position < index.size(); position++) {
            out.write(offsets[position + 1] - offsets[position]);
        }
        out.writeEach(words.itemWords());
        return out.toByteArray();
    }

    /**
     * The index {@link #encode} wrote, over the catalog's ids and texts.
     *
     * @param bytes  holds the encoded index in {@code [from, to)}
     * @param ids    the item ids in catalog order, as the index was built over
     * @param texts  the item texts in catalog order
     * @return an index equal in every search to {@link CatalogIndex#build} over the same items
     * @throws IndexSnapshotException when the bytes are not an index of this many items, or were written by another
     *                                Java feature release or format
     */
    public static CatalogIndex decode(byte[] bytes, int from, int to, String[] ids, String[] texts) {
        VarintReader in = new VarintReader(bytes, from, to);
        int format = in.read();
        if (format != FORMAT) {
            throw new IndexSnapshotException("index format " + format + ", this code reads " + FORMAT);
        }
        int feature = in.read();
        if (feature != Runtime.version().feature()) {
            throw new IndexSnapshotException("index written by Java " + feature + ", this is Java "
                    + Runtime.version().feature() + " (word splitting may differ)");
        }
        int items = in.read();
        if (items != ids.length || items != texts.length) {
            throw new IndexSnapshotException("index of " + items + " items, the catalog has " + ids.length);
        }
        WordForm[] vocabulary = vocabulary(in);
        int[] order = in.readEach(vocabulary.length, vocabulary.length);
        requireSorted(vocabulary, order);
        Alphabet alphabet = alphabet(in, vocabulary);
        int[] offsets = new int[items + 1];
        for (int position = 0; position < items; position++) {
            offsets[position + 1] = offsets[position] + in.read();
            if (offsets[position + 1] < offsets[position] || offsets[position + 1] > in.remaining()) {
                throw new IndexSnapshotException("item " + position + " holds more words than bytes are left");
            }
        }
        int[] itemWords = in.readEach(offsets[items], vocabulary.length);
        if (in.remaining() != 0) {
            throw new IndexSnapshotException(in.remaining() + " bytes after the index");
        }
        return new CatalogIndex(ids, texts, new WordIndex(vocabulary, offsets, itemWords, alphabet, order));
    }

    private static WordForm[] vocabulary(VarintReader in) {
        int size = in.readCount();
        WordForm[] vocabulary = new WordForm[size];
        for (int v = 0; v < size; v++) {
            int[] codePoints = in.readAll(Character.MAX_CODE_POINT + 1);
            if (codePoints.length == 0) {
                throw new IndexSnapshotException("empty vocabulary word " + v);
            }
            int[] metaphone = in.readAll(Character.MAX_VALUE + 1);
            char[] code = new char[metaphone.length];
            for (int k = 0; k < code.length; k++) {
                code[k] = (char) metaphone[k];
            }
            vocabulary[v] = new WordForm(new String(codePoints, 0, codePoints.length), codePoints, new String(code));
        }
        return vocabulary;
    }

    /** The trie is built from this order; a wrong one would build a wrong trie, so it is checked. */
    private static void requireSorted(WordForm[] vocabulary, int[] order) {
        boolean[] seen = new boolean[vocabulary.length];
        for (int k = 0; k < order.length; k++) {
            if (seen[order[k]]) {
                throw new IndexSnapshotException("vocabulary order repeats word " + order[k]);
            }
            seen[order[k]] = true;
            if (k > 0
                    && Arrays.compare(vocabulary[order[k - 1]].codePoints(), vocabulary[order[k]].codePoints()) >= 0) {
                throw new IndexSnapshotException("vocabulary order not strictly ascending at " + k);
            }
        }
    }

    private static Alphabet alphabet(VarintReader in, WordForm[] vocabulary) {
        int[] codePoints = in.readAll(Character.MAX_CODE_POINT + 1);
        int[] ids = in.readEach(codePoints.length, codePoints.length);
        Alphabet alphabet;
        try {
            alphabet = Alphabet.of(codePoints, ids);
        } catch (IllegalArgumentException e) {
            throw new IndexSnapshotException(e.getMessage(), e);
        }
        for (WordForm word : vocabulary) {
            for (int codePoint : word.codePoints()) {
                if (alphabet.idOf(codePoint) < 0) {
                    throw new IndexSnapshotException("vocabulary code point " + codePoint + " not in the alphabet");
                }
            }
        }
        return alphabet;
    }

    /** Unsigned varints (7 bits a byte, low first) into a growing array. */
    private static final class VarintWriter {
        private byte[] bytes;
        private int size;

        VarintWriter(int capacity) {
            bytes = new byte[capacity];
        }

        void write(int value) {
            if (size + 5 > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + 5));
            }
            int rest = value;
            while ((rest & ~0x7F) != 0) {
                bytes[size++] = (byte) ((rest & 0x7F) | 0x80);
                rest >>>= 7;
            }
            bytes[size++] = (byte) rest;
        }

        /** The values without their count (the reader knows it). */
        void writeEach(int[] values) {
            for (int value : values) {
                write(value);
            }
        }

        /** The count, then the values. */
        void writeAll(int[] values) {
            write(values.length);
            writeEach(values);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    /** Reads what {@link VarintWriter} wrote, bounds-checked. */
    private static final class VarintReader {
        private final byte[] bytes;
        private final int end;
        private int at;

        VarintReader(byte[] bytes, int from, int to) {
            if (from < 0 || to > bytes.length || from > to) {
                throw new IndexSnapshotException("index range out of the bytes");
            }
            this.bytes = bytes;
            this.at = from;
            this.end = to;
        }

        int remaining() {
            return end - at;
        }

        int read() {
            int value = 0;
            for (int shift = 0; shift <= 28; shift += 7) {
                if (at >= end) {
                    throw new IndexSnapshotException("index truncated");
                }
                int b = bytes[at++];
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    if (value < 0) {
                        throw new IndexSnapshotException("number out of range");
                    }
                    return value;
                }
            }
            throw new IndexSnapshotException("number longer than 5 bytes");
        }

        /** A count of values to come, each taking at least one byte. */
        int readCount() {
            int count = read();
            if (count > remaining()) {
                throw new IndexSnapshotException("count " + count + " beyond the " + remaining() + " bytes left");
            }
            return count;
        }

        /** {@code count} values, each below {@code bound}. */
        int[] readEach(int count, int bound) {
            if (count > remaining()) {
                throw new IndexSnapshotException("count " + count + " beyond the " + remaining() + " bytes left");
            }
            int[] values = new int[count];
            for (int k = 0; k < count; k++) {
                values[k] = read();
                if (values[k] >= bound) {
                    throw new IndexSnapshotException("value " + values[k] + " out of range (below " + bound + ")");
                }
            }
            return values;
        }

        /** A count, then that many values, each below {@code bound}. */
        int[] readAll(int bound) {
            return readEach(readCount(), bound);
        }
    }
}
