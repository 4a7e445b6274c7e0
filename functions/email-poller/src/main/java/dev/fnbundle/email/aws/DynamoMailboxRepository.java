package dev.fnbundle.email.aws;

import static dev.fnbundle.email.aws.Attributes.n;
import static dev.fnbundle.email.aws.Attributes.s;
import static dev.fnbundle.email.aws.Attributes.text;

import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.email.mailbox.Mailbox;
import dev.fnbundle.email.mailbox.PasswordRef;
import dev.fnbundle.email.poll.PollResult;
import dev.fnbundle.email.registry.MailboxAlreadyRegisteredException;
import dev.fnbundle.email.registry.MailboxRepository;
import dev.fnbundle.email.registry.MailboxStatus;
import dev.fnbundle.email.registry.Page;
import dev.fnbundle.email.registry.PollSummary;
import dev.fnbundle.email.registry.StoredMailbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Mailboxes in the email table. A registration is written together with an {@code ACCOUNT#} claim on its
 * identity (host, port, username, folder) in one transaction, so one folder of one account is never registered
 * twice, even by concurrent requests. Lists read GSI1 (eventually consistent: a mailbox registered a moment ago
 * may be missing from a list for a moment).
 */
public final class DynamoMailboxRepository implements MailboxRepository {
    private static final String SCOPE = "mailboxes";

    private final DynamoDbClient dynamo;
    private final String table;
    private final PageTokens tokens;

    /** @param tokens signs and checks the page tokens of {@link #list} */
    public DynamoMailboxRepository(DynamoDbClient dynamo, String table, PageTokens tokens) {
        this.dynamo = dynamo;
        this.table = table;
        this.tokens = tokens;
    }

    @Override
    public void create(Mailbox mailbox, Instant createdAt) {
        var claim = new HashMap<>(Keys.account(MailboxItems.identity(mailbox)));
        claim.put("mailboxId", s(mailbox.id()));
        var writes = new ArrayList<TransactWriteItem>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(claim)
                .conditionExpression("attribute_not_exists(pk)")).build());
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(MailboxItems.registration(mailbox, createdAt))
                .conditionExpression("attribute_not_exists(pk)")).build());
        if (mailbox.password() instanceof PasswordRef.InlinePassword inline) {
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table)
                    .item(MailboxItems.password(mailbox.id(), inline.password()))).build());
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            var reasons = e.cancellationReasons();
            if (reasons != null && !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                var existing = dynamo.getItem(b -> b.tableName(table)
                        .key(Keys.account(MailboxItems.identity(mailbox))).consistentRead(true)).item();
                throw new MailboxAlreadyRegisteredException(existing == null ? "(being deleted)"
                        : text(existing, "mailboxId"));
            }
            throw e;
        }
    }

    @Override
    public Optional<StoredMailbox> find(String id) {
        return registration(id).map(MailboxItems::stored);
    }

    @Override
    public Optional<Mailbox> loadForPoll(String id) {
        return registration(id).map(item -> {
            Map<String, AttributeValue> password = null;
            if (MailboxItems.INLINE.equals(text(item, "passwordSource"))) {
                password = dynamo.getItem(b -> b.tableName(table).key(Keys.password(id)).consistentRead(true))
                        .item();
            }
            return MailboxItems.mailbox(item, password);
        });
    }

    @Override
    public Page<StoredMailbox> list(int limit, String nextToken) {
        var mailboxes = new ArrayList<StoredMailbox>();
        Map<String, AttributeValue> start = tokens.decode(SCOPE, nextToken);
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.query(b -> b.tableName(table).indexName(Keys.GSI1)
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", Keys.GSI1_PK))
                    .expressionAttributeValues(Map.of(":pk", s(Keys.MAILBOXES)))
                    .limit(limit - mailboxes.size()).exclusiveStartKey(from));
            page.items().forEach(item -> mailboxes.add(MailboxItems.stored(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                    : null;
        } while (start != null && mailboxes.size() < limit);
        return new Page<>(mailboxes, tokens.encode(SCOPE, start));
    }

    @Override
    public boolean delete(String id) {
        var item = registration(id).orElse(null);
        if (item == null) {
            return false;
        }
        var claimKey = Keys.account(text(item, "identity"));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    t -> t.delete(d -> d.tableName(table).key(Keys.mailboxItem(id))
                            .conditionExpression("attribute_exists(pk)")),
                    t -> t.delete(d -> d.tableName(table).key(claimKey)),
                    t -> t.delete(d -> d.tableName(table).key(Keys.password(id))),
                    t -> t.delete(d -> d.tableName(table).key(Keys.checkpoint(id)))));
            return true;
        } catch (TransactionCanceledException e) {
            var reasons = e.cancellationReasons();
            if (reasons != null && !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void recordPoll(PollResult result, Instant at) {
        var values = new HashMap<String, AttributeValue>();
        values.put(":state", s(result.status().name()));
        values.put(":at", s(at.toString()));
        values.put(":summary", MailboxItems.summary(PollSummary.of(result)));
        String update;
        if (result.status().isFailure()) {
            values.put(":error", s(result.error() == null ? result.status().name() : result.error()));
            values.put(":one", n(1));
            update = "SET #state = :state, lastPollAt = :at, lastPoll = :summary, lastError = :error"
                    + " ADD consecutiveFailures :one";
        } else {
            values.put(":zero", n(0));
            update = "SET #state = :state, lastPollAt = :at, lastPoll = :summary, lastSuccessAt = :at,"
                    + " consecutiveFailures = :zero REMOVE lastError";
        }
        update(result.mailboxId(), update, values);
    }

    @Override
    public void recordError(String mailboxId, String error, Instant at) {
        update(mailboxId, "SET #state = :state, lastPollAt = :at, lastError = :error ADD consecutiveFailures :one",
                Map.of(":state", s(MailboxStatus.ERROR), ":at", s(at.toString()),
                        ":error", s(error), ":one", n(1)));
    }

    private void update(String mailboxId, String expression, Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Keys.mailboxItem(mailboxId))
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            // The mailbox was deleted while it was polled: a status update must not bring it back.
        }
    }

    private Optional<Map<String, AttributeValue>> registration(String id) {
        var item = dynamo.getItem(b -> b.tableName(table).key(Keys.mailboxItem(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
}
