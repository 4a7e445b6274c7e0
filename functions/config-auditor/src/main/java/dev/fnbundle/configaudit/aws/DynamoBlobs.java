package dev.fnbundle.configaudit.aws;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Binary payloads (gzip-compressed baselines and reports) larger than a DynamoDB item may hold.
 *
 * <p>Up to {@value #INLINE_MAX} bytes the payload is an attribute {@code blob} of its owner item. Larger ones
 * are cut into chunks of {@value #CHUNK_BYTES} bytes, items {@code BLOB#<id>} / {@code CHUNK#00000...} written
 * before the owner, which then records only {@code blobId}, {@code blobChunks} and {@code blobBytes}: an owner is
 * never visible before its chunks. Blob ids are unique per write, so concurrent writers never share chunks.
 */
final class DynamoBlobs {
    /** Well under the 400 KB item limit, leaving room for the owner's other attributes. */
    static final int INLINE_MAX = 300 * 1024;
    static final int CHUNK_BYTES = 350 * 1024;

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoBlobs(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * Writes the chunks of a large payload (nothing for a small one) and returns the attributes that put the
     * payload on its owner item.
     *
     * @param ttl epoch seconds after which the chunks may expire with their owner, or null to keep them
     */
    Map<String, AttributeValue> write(String blobId, byte[] data, Long ttl) {
        if (data.length <= INLINE_MAX) {
            return Map.of("blob", AttributeValue.fromB(SdkBytes.fromByteArray(data)));
        }
        int chunks = (data.length + CHUNK_BYTES - 1) / CHUNK_BYTES;
        for (int c = 0; c < chunks; c++) {
            int from = c * CHUNK_BYTES;
            int length = Math.min(CHUNK_BYTES, data.length - from);
            var item = new HashMap<>(chunkKey(blobId, c));
            item.put("data", AttributeValue.fromB(SdkBytes.fromByteArray(java.util.Arrays.copyOfRange(data, from,
                    from + length))));
            if (ttl != null) {
                item.put("ttl", AttributeValue.fromN(Long.toString(ttl)));
            }
            dynamo.putItem(b -> b.tableName(table).item(item));
        }
        return Map.of("blobId", AttributeValue.fromS(blobId),
                "blobChunks", AttributeValue.fromN(Integer.toString(chunks)),
                "blobBytes", AttributeValue.fromN(Integer.toString(data.length)));
    }

    /**
     * The payload of an owner item.
     *
     * @throws MissingBlobException when chunks are missing (expired, or an interrupted write)
     */
    byte[] read(Map<String, AttributeValue> owner) {
        AttributeValue inline = owner.get("blob");
        if (inline != null) {
            return inline.b().asByteArray();
        }
        String blobId = owner.get("blobId").s();
        int chunks = Integer.parseInt(owner.get("blobChunks").n());
        int bytes = Integer.parseInt(owner.get("blobBytes").n());
        var out = new ByteArrayOutputStream(bytes);
        int seen = 0;
        var items = dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition(blobId))))).items();
        for (var item : items) {
            out.writeBytes(item.get("data").b().asByteArray());
            seen++;
        }
        if (seen != chunks || out.size() != bytes) {
            throw new MissingBlobException(blobId);
        }
        return out.toByteArray();
    }

    /** Deletes a large payload's chunks after its owner was not written; best effort (nothing refers to them). */
    void discard(Map<String, AttributeValue> reference) {
        AttributeValue blobId = reference.get("blobId");
        if (blobId == null) {
            return;
        }
        int chunks = Integer.parseInt(reference.get("blobChunks").n());
        for (int c = 0; c < chunks; c++) {
            int index = c;
            dynamo.deleteItem(b -> b.tableName(table).key(chunkKey(blobId.s(), index)));
        }
    }

    private static String partition(String blobId) {
        return "BLOB#" + blobId;
    }

    private static Map<String, AttributeValue> chunkKey(String blobId, int index) {
        return Map.of("pk", AttributeValue.fromS(partition(blobId)),
                "sk", AttributeValue.fromS(String.format("CHUNK#%05d", index)));
    }

    /** A chunked payload whose chunks are not all there. */
    static final class MissingBlobException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingBlobException(String blobId) {
            super("chunks of blob " + blobId + " are missing", null, false, false);
        }
    }
}
