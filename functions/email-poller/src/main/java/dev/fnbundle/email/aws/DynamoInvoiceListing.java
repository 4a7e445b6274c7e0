package dev.fnbundle.email.aws;

import static dev.fnbundle.email.aws.Attributes.s;

import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.email.listing.InvoiceListing;
import dev.fnbundle.email.listing.InvoicePage;
import dev.fnbundle.email.listing.InvoiceQuery;
import dev.fnbundle.email.listing.ListedRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Lists records through the table's indexes: GSI1 ({@code KIND#mailbox}, date) for one mailbox, GSI2
 * ({@code KIND}, date) for all, with the date range as a key condition, so a page costs what it returns. Page
 * tokens are bound to the query (kind, mailbox, range): a token cannot be replayed against another list.
 */
public final class DynamoInvoiceListing implements InvoiceListing {
    /** Sorts after every date-and-key suffix: the upper bound of a range that includes its last millisecond. */
    private static final String AFTER_KEYS = "~";

    private final DynamoDbClient dynamo;
    private final String table;
    private final PageTokens tokens;

    /** @param tokens signs and checks the page tokens */
    public DynamoInvoiceListing(DynamoDbClient dynamo, String table, PageTokens tokens) {
        this.dynamo = dynamo;
        this.table = table;
        this.tokens = tokens;
    }

    @Override
    public InvoicePage page(InvoiceQuery query) {
        boolean oneMailbox = query.mailboxId() != null;
        String index = oneMailbox ? Keys.GSI1 : Keys.GSI2;
        String pkName = oneMailbox ? Keys.GSI1_PK : Keys.GSI2_PK;
        String skName = oneMailbox ? Keys.GSI1_SK : Keys.GSI2_SK;
        String partition = query.kind().name() + (oneMailbox ? "#" + query.mailboxId() : "");
        String low = query.from() == null ? null : Keys.sortable(query.from());
        String high = query.to() == null ? null : Keys.sortable(query.to()) + AFTER_KEYS;
        String scope = "records#" + partition + "#" + low + "#" + high;

        var values = new HashMap<String, AttributeValue>();
        values.put(":pk", s(partition));
        String condition = "#pk = :pk" + range(low, high, values);
        var names = new HashMap<String, String>();
        names.put("#pk", pkName);
        if (condition.contains("#sk")) {
            names.put("#sk", skName);
        }
        var listed = new ArrayList<ListedRecord>();
        Map<String, AttributeValue> start = tokens.decode(scope, query.nextToken());
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.query(b -> b.tableName(table).indexName(index).keyConditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values).limit(query.limit() - listed.size())
                    .exclusiveStartKey(from));
            for (var item : page.items()) {
                listed.add(new ListedRecord(RecordItems.record(item), tokens.encode(scope,
                        indexKey(item, pkName, skName))));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                    : null;
        } while (start != null && listed.size() < query.limit());
        return new InvoicePage(listed, tokens.encode(scope, start));
    }

    private static String range(String low, String high, Map<String, AttributeValue> values) {
        if (low != null && high != null) {
            values.put(":low", s(low));
            values.put(":high", s(high));
            return " AND #sk BETWEEN :low AND :high";
        }
        if (low != null) {
            values.put(":low", s(low));
            return " AND #sk >= :low";
        }
        if (high != null) {
            values.put(":high", s(high));
            return " AND #sk <= :high";
        }
        return "";
    }

    /** The key DynamoDB would return as LastEvaluatedKey had the page ended at this item. */
    private static Map<String, AttributeValue> indexKey(Map<String, AttributeValue> item, String pkName,
                                                        String skName) {
        return Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK), pkName, item.get(pkName),
                skName, item.get(skName));
    }
}
