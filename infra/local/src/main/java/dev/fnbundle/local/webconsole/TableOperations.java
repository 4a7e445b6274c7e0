package dev.fnbundle.local.webconsole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What the console reads from the template's tables in DynamoDB Local: descriptions, pages of a scan or of a query
 * by partition key (with a sort-key condition), one item by key; items as plain JSON. Page positions travel as
 * opaque tokens (the last evaluated key, base64url JSON), and keys are typed from the table's definitions, so a
 * value a user typed never becomes part of an expression.
 */
final class TableOperations {
    static final int PAGE_SIZE = 25;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_TOKEN_CHARS = 4096;

    private final DynamoDbClient dynamo;

    TableOperations(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** A table's key: partition key name and type, sort key name and type (null when none). */
    record Keys(String partition, String partitionType, String sort, String sortType) {
    }

    /** One page of items and the token of the next (null at the end). */
    record Page(List<Map<String, AttributeValue>> items, String next) {
    }

    /** The condition on the sort key: an operator of {@link #OPERATORS} and one or two values. */
    record SortCondition(String operator, String value, String second) {
    }

    static final List<String> OPERATORS = List.of("=", "<", "<=", ">", ">=", "begins_with", "between");

    TableDescription describe(String tableName) {
        return dynamo.describeTable(b -> b.tableName(tableName)).table();
    }

    static Keys keys(TableDescription table) {
        String partition = null;
        String sort = null;
        for (var element : table.keySchema()) {
            if (element.keyType() == KeyType.HASH) {
                partition = element.attributeName();
            } else {
                sort = element.attributeName();
            }
        }
        Map<String, String> types = new LinkedHashMap<>();
        table.attributeDefinitions().forEach(d -> types.put(d.attributeName(), d.attributeTypeAsString()));
        return new Keys(partition, types.get(partition), sort, sort == null ? null : types.get(sort));
    }

    Page scan(String tableName, String after) {
        var result = dynamo.scan(b -> b.tableName(tableName).limit(PAGE_SIZE).exclusiveStartKey(startKey(after)));
        return new Page(result.items(), token(result.lastEvaluatedKey()));
    }

    /**
     * A page of the items with this partition key (and sort-key condition), in sort-key order.
     *
     * @throws InvalidKeyException when a value does not fit its key's type
     */
    Page query(String tableName, Keys keys, String partitionValue, SortCondition sort, String after) {
        var names = new LinkedHashMap<String, String>();
        var values = new LinkedHashMap<String, AttributeValue>();
        names.put("#pk", keys.partition());
        values.put(":pk", typed(keys.partition(), keys.partitionType(), partitionValue));
        String condition = "#pk = :pk";
        if (keys.sort() != null && sort != null && !sort.value().isEmpty()) {
            names.put("#sk", keys.sort());
            values.put(":sk", typed(keys.sort(), keys.sortType(), sort.value()));
            condition += switch (sort.operator()) {
                case "begins_with" -> " AND begins_with(#sk, :sk)";
                case "between" -> {
                    values.put(":sk2", typed(keys.sort(), keys.sortType(), sort.second()));
                    yield " AND #sk BETWEEN :sk AND :sk2";
                }
                case "<", "<=", ">", ">=" -> " AND #sk " + sort.operator() + " :sk";
                default -> " AND #sk = :sk";
            };
        }
        String expression = condition;
        var result = dynamo.query(b -> b.tableName(tableName).limit(PAGE_SIZE).keyConditionExpression(expression)
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .exclusiveStartKey(startKey(after)));
        return new Page(result.items(), token(result.lastEvaluatedKey()));
    }

    /** The item with this key token (see {@link #keyToken}), or null. */
    Map<String, AttributeValue> item(String tableName, String keyToken) {
        Map<String, AttributeValue> key = startKey(keyToken);
        if (key == null) {
            throw new InvalidKeyException("key", "not a key of this table");
        }
        var found = dynamo.getItem(b -> b.tableName(tableName).key(key));
        return found.hasItem() ? found.item() : null;
    }

    /** The token naming an item's key, for links to it. */
    static String keyToken(Map<String, AttributeValue> item, Keys keys) {
        var key = new LinkedHashMap<String, AttributeValue>();
        key.put(keys.partition(), item.get(keys.partition()));
        if (keys.sort() != null) {
            key.put(keys.sort(), item.get(keys.sort()));
        }
        return token(key);
    }

    /** An item as plain JSON: strings, numbers, booleans, null, lists, maps; sets as arrays; binary as base64. */
    static JsonNode json(AttributeValue value) {
        var nodes = JsonNodeFactory.instance;
        if (value.s() != null) {
            return nodes.textNode(value.s());
        }
        if (value.n() != null) {
            return nodes.numberNode(new BigDecimal(value.n()));
        }
        if (value.b() != null) {
            return nodes.textNode(Base64.getEncoder().encodeToString(value.b().asByteArray()));
        }
        if (value.bool() != null) {
            return nodes.booleanNode(value.bool());
        }
        if (Boolean.TRUE.equals(value.nul())) {
            return nodes.nullNode();
        }
        if (value.hasM()) {
            return json(value.m());
        }
        ArrayNode array = nodes.arrayNode();
        if (value.hasL()) {
            value.l().forEach(item -> array.add(json(item)));
        } else if (value.hasSs()) {
            value.ss().forEach(array::add);
        } else if (value.hasNs()) {
            value.ns().forEach(n -> array.add(new BigDecimal(n)));
        } else if (value.hasBs()) {
            value.bs().forEach(b -> array.add(Base64.getEncoder().encodeToString(b.asByteArray())));
        }
        return array;
    }

    static ObjectNode json(Map<String, AttributeValue> item) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        item.forEach((name, value) -> object.set(name, json(value)));
        return object;
    }

    private static AttributeValue typed(String name, String type, String text) {
        String value = text == null ? "" : text;
        switch (type == null ? "S" : type) {
            case "N" -> {
                try {
                    return AttributeValue.fromN(new BigDecimal(value.trim()).toPlainString());
                } catch (NumberFormatException e) {
                    throw new InvalidKeyException(name, "is a number key; \"" + Views.cut(value, 40)
                            + "\" is not a number");
                }
            }
            case "B" -> {
                try {
                    return AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(value.trim())));
                } catch (IllegalArgumentException e) {
                    throw new InvalidKeyException(name, "is a binary key: give it as base64");
                }
            }
            default -> {
                if (value.isEmpty()) {
                    throw new InvalidKeyException(name, "cannot be empty");
                }
                return AttributeValue.fromS(value);
            }
        }
    }

    /** A key from its token: only S, N and B values, as DynamoDB keys are. */
    private static Map<String, AttributeValue> startKey(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new InvalidKeyException("after", "is not a page of this table");
        }
        try {
            JsonNode key = MAPPER.readTree(Base64.getUrlDecoder().decode(token));
            var values = new LinkedHashMap<String, AttributeValue>();
            for (var field : key.properties()) {
                JsonNode typed = field.getValue();
                if (typed.has("S")) {
                    values.put(field.getKey(), AttributeValue.fromS(typed.get("S").asText()));
                } else if (typed.has("N")) {
                    values.put(field.getKey(), AttributeValue.fromN(new BigDecimal(typed.get("N").asText())
                            .toPlainString()));
                } else if (typed.has("B")) {
                    values.put(field.getKey(), AttributeValue.fromB(SdkBytes.fromByteArray(
                            Base64.getDecoder().decode(typed.get("B").asText()))));
                } else {
                    throw new InvalidKeyException("after", "is not a page of this table");
                }
            }
            return values.isEmpty() ? null : values;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidKeyException("after", "is not a page of this table");
        }
    }

    private static String token(Map<String, AttributeValue> key) {
        if (key == null || key.isEmpty()) {
            return null;
        }
        ObjectNode json = MAPPER.createObjectNode();
        key.forEach((name, value) -> {
            if (value.s() != null) {
                json.putObject(name).put("S", value.s());
            } else if (value.n() != null) {
                json.putObject(name).put("N", value.n());
            } else if (value.b() != null) {
                json.putObject(name).put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
            }
        });
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A value the user gave does not fit the table's key. */
    static final class InvalidKeyException extends RuntimeException {
        private final String field;

        InvalidKeyException(String field, String message) {
            super(field + " " + message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
