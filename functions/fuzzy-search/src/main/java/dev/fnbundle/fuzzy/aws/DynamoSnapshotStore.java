package dev.fnbundle.fuzzy.aws;

import dev.fnbundle.common.aws.DynamoBatches;
import dev.fnbundle.fuzzy.catalog.SnapshotCorruptException;
import dev.fnbundle.fuzzy.catalog.SnapshotStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Catalog snapshots in the catalog table, in the catalog's own partition: a manifest at sort key {@code SNAPSHOT}
 * (version, chunks, bytes) and the snapshot cut into binary chunks of {@value #CHUNK_BYTES} bytes at
 * {@code SNAPSHOT#00000}, {@code SNAPSHOT#00001}, ... each tagged with the version too. A read is one consistent
 * {@code GetItem} of the manifest (all a stale snapshot costs), then one consistent {@code BatchGetItem} per 100
 * chunks, which DynamoDB serves in parallel.
 *
 * <p>A write puts the chunks, then the manifest, then deletes chunks an older, longer snapshot left behind. A reader
 * racing a writer sees chunks of two versions and reports the snapshot corrupt (the caller then reads the items);
 * it never mixes them silently.
 */
public final class DynamoSnapshotStore implements SnapshotStore {
    /** Binary chunk size: well under DynamoDB's 400 KB item limit, and 25 of them fit one BatchWriteItem. */
    static final int CHUNK_BYTES = 300_000;
    static final String MANIFEST = "SNAPSHOT";
    static final String CHUNK_PREFIX = "SNAPSHOT#";
    /** More chunks than the largest snapshot the codec accepts (1 GiB of body, compressed) would need. */
    private static final int MAX_CHUNKS = 4_000;

    private final DynamoDbClient dynamo;
    private final DynamoBatches batches;
    private final String table;

    public DynamoSnapshotStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.batches = new DynamoBatches(dynamo);
        this.table = table;
    }

    @Override
    public Optional<byte[]> read(String catalog, long version) {
        Map<String, AttributeValue> manifest = manifest(catalog);
        if (manifest == null || number(manifest, "version") != version) {
            return Optional.empty();
        }
        long chunks = number(manifest, "chunks");
        long length = number(manifest, "bytes");
        if (chunks < 0 || chunks > MAX_CHUNKS || length < 0 || length > chunks * CHUNK_BYTES) {
            throw new SnapshotCorruptException("manifest out of range: " + chunks + " chunks, " + length + " bytes");
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            keys.add(key(catalog, chunkKey(i)));
        }
        // One BatchGetItem per 100 chunks (30 MB), answered in any order: placed by sort key below.
        byte[][] parts = new byte[(int) chunks][];
        for (var chunk : batches.getAll(table, keys, true)) {
            int index = chunkIndex(chunk.get("sk").s(), parts.length);
            if (number(chunk, "version") != version || chunk.get("data") == null || chunk.get("data").b() == null) {
                throw new SnapshotCorruptException("chunk " + index + " of " + catalog + " is of another version");
            }
            parts[index] = chunk.get("data").b().asByteArrayUnsafe();
        }
        return Optional.of(joined(catalog, parts, length));
    }

    /** The chunks in order; memory follows what is stored, not what the manifest claims. */
    private static byte[] joined(String catalog, byte[][] parts, long length) {
        long total = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) {
                throw new SnapshotCorruptException("chunk " + i + " of " + catalog + " is missing");
            }
            total += parts[i].length;
        }
        if (total != length) {
            throw new SnapshotCorruptException("chunks hold " + total + " bytes, the manifest " + length);
        }
        byte[] snapshot = new byte[(int) length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, snapshot, at, part.length);
            at += part.length;
        }
        return snapshot;
    }

    private static int chunkIndex(String sortKey, int chunks) {
        try {
            int index = Integer.parseInt(sortKey.substring(CHUNK_PREFIX.length()));
            if (index >= 0 && index < chunks) {
                return index;
            }
        } catch (RuntimeException e) {
            throw new SnapshotCorruptException("not a chunk key: " + sortKey, e);
        }
        throw new SnapshotCorruptException("chunk " + sortKey + " beyond the manifest's " + chunks);
    }

    @Override
    public Optional<Long> version(String catalog) {
        var item = manifest(catalog);
        return item == null ? Optional.empty() : Optional.of(number(item, "version"));
    }

    @Override
    public void write(String catalog, long version, byte[] snapshot) {
        var previous = manifest(catalog);
        long previousChunks = previous == null ? 0 : number(previous, "chunks");
        int chunks = (snapshot.length + CHUNK_BYTES - 1) / CHUNK_BYTES;
        List<WriteRequest> puts = new ArrayList<>(chunks);
        for (int i = 0; i < chunks; i++) {
            int from = i * CHUNK_BYTES;
            byte[] data = Arrays.copyOfRange(snapshot, from, Math.min(snapshot.length, from + CHUNK_BYTES));
            var item = new HashMap<>(key(catalog, chunkKey(i)));
            item.put("version", CatalogItems.number(version));
            item.put("data", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(data)));
            puts.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
        }
        batches.writeAll(table, puts);
        var manifest = new HashMap<>(key(catalog, MANIFEST));
        manifest.put("version", CatalogItems.number(version));
        manifest.put("chunks", CatalogItems.number(chunks));
        manifest.put("bytes", CatalogItems.number(snapshot.length));
        dynamo.putItem(b -> b.tableName(table).item(manifest));
        List<WriteRequest> leftovers = new ArrayList<>();
        for (long i = chunks; i < Math.min(previousChunks, MAX_CHUNKS); i++) {
            var key = key(catalog, chunkKey((int) i));
            leftovers.add(WriteRequest.builder().deleteRequest(d -> d.key(key)).build());
        }
        batches.writeAll(table, leftovers);
    }

    private Map<String, AttributeValue> manifest(String catalog) {
        var item = dynamo.getItem(b -> b.tableName(table).key(key(catalog, MANIFEST)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static Map<String, AttributeValue> key(String catalog, String sortKey) {
        return Map.of("pk", CatalogItems.partition(catalog), "sk", AttributeValue.fromS(sortKey));
    }

    static String chunkKey(int index) {
        return CHUNK_PREFIX + String.format(Locale.ROOT, "%05d", index);
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new SnapshotCorruptException("snapshot item without " + name);
        }
        try {
            return Long.parseLong(value.n());
        } catch (NumberFormatException e) {
            throw new SnapshotCorruptException("snapshot item with a non-integer " + name, e);
        }
    }
}
