package dev.fnbundle.fuzzy.catalog;

import dev.fnbundle.fuzzy.search.CatalogIndex;
import dev.fnbundle.fuzzy.search.CatalogItem;
import dev.fnbundle.fuzzy.search.IndexSnapshot;
import dev.fnbundle.fuzzy.search.IndexSnapshotException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The binary form of a catalog's items and built search index at one version, what a cold container loads instead of
 * paging through every item record and rebuilding the index.
 *
 * <p>Layout (big-endian): magic {@code "FNS2"}, the catalog version (8 bytes), the item count (4), the length of the
 * uncompressed body (4), a CRC32C of the compressed body (4), then the body deflated: per item, in catalog order,
 * the id, the text and the fields as UTF-8, each preceded by its byte length as a varint (fields: length + 1, 0 for
 * none); then the byte length of the index over those items as a varint, and the index ({@link IndexSnapshot}).
 * Deflate at its fastest level: 100 000 product titles shrink about 3x, which pays for itself in fewer bytes to fetch
 * and base64-decode.
 * Version 1 ({@code "FNS1"}) is the same without the index; it still decodes, and the caller builds the index.
 *
 * <p>{@link #decode} is safe on any input: every length is checked against the catalog's limits and what is left
 * before anything is allocated, so a hostile or truncated snapshot ends in {@link SnapshotCorruptException}, never
 * in a large allocation, a loop or another exception. An index section that cannot be used (another format or Java
 * release, or failing its checks) leaves the items usable: {@link Decoded#index()} is then empty and
 * {@link Decoded#noIndexReason()} says why. Stateless and thread-safe.
 */
public final class SnapshotCodec {
    /** "FNS2": items, then their index. */
    static final int MAGIC = 0x464E5332;
    /** "FNS1": items only, as written before the index was stored. */
    static final int MAGIC_ITEMS_ONLY = 0x464E5331;
    static final int HEADER_BYTES = 24;
    /** Longest id in UTF-8: 256 chars of at most 3 bytes each (a surrogate pair is 2 chars for 4 bytes). */
    static final int MAX_ID_BYTES = CatalogIndex.MAX_ID_LENGTH * 3;
    /** Longest text in UTF-8: 2 000 code points of at most 4 bytes. */
    static final int MAX_TEXT_BYTES = CatalogIndex.MAX_TEXT_LENGTH * 4;
    /** Longest fields JSON accepted back: far above what the API lets a client store per item. */
    static final int MAX_FIELDS_BYTES = 64 * 1024;
    /** Largest body a snapshot may claim; deflate cannot expand more than about 1 032 to 1 either. */
    static final int MAX_BODY_BYTES = 1 << 30;
    private static final int MAX_DEFLATE_RATIO = 1_100;

    private SnapshotCodec() {
    }

    /**
     * A decoded snapshot.
     *
     * @param version       the catalog version it was written at
     * @param entries       the items in catalog order
     * @param index         the search index over them as it was built, or empty (an old snapshot, or an index this
     *                      code cannot use: build it from the entries)
     * @param noIndexReason why the index is empty; empty when it is present
     */
    public record Decoded(long version, List<CatalogEntry> entries, Optional<CatalogIndex> index,
                          String noIndexReason) {
    }

    /**
     * Builds the entries' index and encodes both.
     *
     * @param version the catalog version the entries are at
     * @param entries the catalog's items in catalog order, valid for {@link CatalogIndex#build}
     * @return the snapshot bytes; never null
     */
    public static byte[] encode(long version, List<CatalogEntry> entries) {
        return encode(version, entries,
                CatalogIndex.build(entries.stream().map(e -> new CatalogItem(e.id(), e.text())).toList()));
    }

    /**
     * @param version the catalog version the entries are at
     * @param entries the catalog's items in catalog order
     * @param index   the index built over exactly these entries
     * @return the snapshot bytes; never null
     */
    public static byte[] encode(long version, List<CatalogEntry> entries, CatalogIndex index) {
        if (index.size() != entries.size()) {
            throw new IllegalArgumentException("an index of " + index.size() + " items for " + entries.size());
        }
        return encode(MAGIC, version, entries, IndexSnapshot.encode(index));
    }

    /** The layout of {@code magic}; {@code index} follows the items in version 2 and is left out in version 1. */
    static byte[] encode(int magic, long version, List<CatalogEntry> entries, byte[] index) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(64, entries.size() * 64));
        for (CatalogEntry entry : entries) {
            writeString(body, entry.id().getBytes(StandardCharsets.UTF_8), 0);
            writeString(body, entry.text().getBytes(StandardCharsets.UTF_8), 0);
            if (entry.fields() == null) {
                writeVarint(body, 0);
            } else {
                writeString(body, entry.fields().getBytes(StandardCharsets.UTF_8), 1);
            }
        }
        if (magic == MAGIC) {
            writeVarint(body, index.length);
            body.write(index, 0, index.length);
        }
        byte[] raw = body.toByteArray();
        byte[] compressed = deflate(raw);
        CRC32C crc = new CRC32C();
        crc.update(compressed);
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + compressed.length);
        out.putInt(magic).putLong(version).putInt(entries.size()).putInt(raw.length).putInt((int) crc.getValue());
        out.put(compressed);
        return out.array();
    }

    /**
     * @return the version the snapshot was written at, from its header alone
     * @throws SnapshotCorruptException when the bytes do not start with a snapshot header
     */
    public static long version(byte[] snapshot) {
        return header(snapshot).getLong(4);
    }

    /**
     * Checks and decodes a snapshot. O(size).
     *
     * @throws SnapshotCorruptException when the bytes are not a whole, intact snapshot
     */
    public static Decoded decode(byte[] snapshot) {
        ByteBuffer header = header(snapshot);
        long version = header.getLong(4);
        int count = header.getInt(12);
        int rawLength = header.getInt(16);
        int expectedCrc = header.getInt(20);
        int compressedLength = snapshot.length - HEADER_BYTES;
        if (count < 0 || count > CatalogIndex.MAX_ITEMS) {
            throw new SnapshotCorruptException("item count out of range: " + count);
        }
        if (rawLength < 0 || rawLength > MAX_BODY_BYTES
                || rawLength > (long) compressedLength * MAX_DEFLATE_RATIO + 64) {
            throw new SnapshotCorruptException("body length out of range: " + rawLength);
        }
        CRC32C crc = new CRC32C();
        crc.update(snapshot, HEADER_BYTES, compressedLength);
        if ((int) crc.getValue() != expectedCrc) {
            throw new SnapshotCorruptException("checksum mismatch");
        }
        byte[] raw = inflate(snapshot, rawLength);
        // Every item takes at least 3 bytes (three length prefixes), so a count the body cannot hold fails here.
        if ((long) count * 3 > raw.length) {
            throw new SnapshotCorruptException("body too short for " + count + " items");
        }
        String[] ids = new String[count];
        String[] texts = new String[count];
        List<CatalogEntry> entries = new ArrayList<>(count);
        int indexStart = entries(raw, count, entries, ids, texts);
        if (header.getInt(0) == MAGIC_ITEMS_ONLY) {
            if (indexStart != raw.length) {
                throw new SnapshotCorruptException("trailing bytes after " + count + " items");
            }
            return new Decoded(version, entries, Optional.empty(), "a version 1 snapshot holds no index");
        }
        // The index's stated length must end the body exactly: a body whose items end anywhere else is corrupt.
        int[] at = {indexStart};
        long indexLength = readVarint(raw, at);
        if (indexLength != raw.length - at[0]) {
            throw new SnapshotCorruptException("items end at byte " + indexStart + ", not where the index starts");
        }
        try {
            CatalogIndex index = IndexSnapshot.decode(raw, at[0], raw.length, ids, texts);
            return new Decoded(version, entries, Optional.of(index), "");
        } catch (IndexSnapshotException e) {
            return new Decoded(version, entries, Optional.empty(), "stored index unusable: " + e.getMessage());
        }
    }

    private static ByteBuffer header(byte[] snapshot) {
        if (snapshot == null || snapshot.length < HEADER_BYTES) {
            throw new SnapshotCorruptException("shorter than a snapshot header");
        }
        ByteBuffer header = ByteBuffer.wrap(snapshot, 0, HEADER_BYTES);
        if (header.getInt(0) != MAGIC && header.getInt(0) != MAGIC_ITEMS_ONLY) {
            throw new SnapshotCorruptException("not a catalog snapshot");
        }
        return header;
    }

    /** Reads the items into {@code entries}, {@code ids} and {@code texts}; returns where they end. */
    private static int entries(byte[] raw, int count, List<CatalogEntry> entries, String[] ids, String[] texts) {
        int[] at = {0};
        for (int i = 0; i < count; i++) {
            String id = readString(raw, at, MAX_ID_BYTES, 0);
            String text = readString(raw, at, MAX_TEXT_BYTES, 0);
            String fields = readString(raw, at, MAX_FIELDS_BYTES, 1);
            ids[i] = id;
            texts[i] = text;
            entries.add(new CatalogEntry(id, text, fields));
        }
        return at[0];
    }

    /** A length-prefixed UTF-8 string; with {@code offset} 1 a prefix of 0 stands for null. */
    private static String readString(byte[] raw, int[] at, int maxBytes, int offset) {
        long prefix = readVarint(raw, at);
        if (offset == 1 && prefix == 0) {
            return null;
        }
        long length = prefix - offset;
        if (length > maxBytes || length > raw.length - at[0]) {
            throw new SnapshotCorruptException("string length out of range at byte " + at[0]);
        }
        String value = new String(raw, at[0], (int) length, StandardCharsets.UTF_8);
        at[0] += (int) length;
        return value;
    }

    private static long readVarint(byte[] raw, int[] at) {
        long value = 0;
        for (int shift = 0; shift <= 28; shift += 7) {
            if (at[0] >= raw.length) {
                throw new SnapshotCorruptException("truncated length at byte " + at[0]);
            }
            int b = raw[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new SnapshotCorruptException("length longer than 5 bytes at byte " + at[0]);
    }

    private static void writeString(ByteArrayOutputStream out, byte[] value, int offset) {
        writeVarint(out, value.length + offset);
        out.write(value, 0, value.length);
    }

    private static void writeVarint(ByteArrayOutputStream out, int value) {
        int rest = value;
        while ((rest & ~0x7F) != 0) {
            out.write((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.write(rest);
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Inflates exactly {@code rawLength} bytes from the whole compressed body, or fails. */
    private static byte[] inflate(byte[] snapshot, int rawLength) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(snapshot, HEADER_BYTES, snapshot.length - HEADER_BYTES);
            byte[] raw = new byte[rawLength];
            int filled = 0;
            while (filled < rawLength) {
                int n = inflater.inflate(raw, filled, rawLength - filled);
                // The whole input is given and room is left: no progress means the stream ended or broke early.
                if (n == 0) {
                    throw new SnapshotCorruptException("body shorter than its stated length");
                }
                filled += n;
            }
            // Nowait-mode raw deflate: the stream must end exactly here, with nothing but its end left.
            byte[] probe = new byte[1];
            if (!inflater.finished() && (inflater.inflate(probe) != 0 || !inflater.finished())) {
                throw new SnapshotCorruptException("body longer than its stated length");
            }
            if (inflater.getRemaining() != 0) {
                throw new SnapshotCorruptException("bytes after the compressed body");
            }
            return raw;
        } catch (DataFormatException e) {
            throw new SnapshotCorruptException("body is not valid deflate data", e);
        } finally {
            inflater.end();
        }
    }
}
