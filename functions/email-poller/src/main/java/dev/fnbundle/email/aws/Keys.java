package dev.fnbundle.email.aws;

import dev.fnbundle.common.crypto.Digests;
import dev.fnbundle.email.poll.RecordKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key layout of the email table (attributes {@code pk}, {@code sk}; indexes {@code GSI1} on
 * {@code gsi1pk}/{@code gsi1sk} and {@code GSI2} on {@code gsi2pk}/{@code gsi2sk}):
 *
 * <pre>
 * pk                                 sk            what                       GSI1                     GSI2
 * MAILBOX#id                         #MAILBOX      registration + status      MAILBOXES / created#id   -
 * MAILBOX#id                         #PASSWORD     inline password (local)    -                        -
 * MAILBOX#id                         #CHECKPOINT   uidValidity, lastUid       -                        -
 * MAILBOX#id                         #LEASE        owner, expiresAt, ttl      -                        -
 * ACCOUNT#sha256(host,port,user,fld) #CLAIM        mailboxId (no twin)        -                        -
 * RECORD#mailbox#uidValidity#uid     #RECORD       one message's record       KIND#mailbox / date#key  KIND / date#key
 * DEDUPE#mailbox#sha256(dedupeKey)   #CLAIM        the first record's key     -                        -
 * </pre>
 */
final class Keys {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String GSI1 = "GSI1";
    static final String GSI2 = "GSI2";
    static final String GSI1_PK = "gsi1pk";
    static final String GSI1_SK = "gsi1sk";
    static final String GSI2_PK = "gsi2pk";
    static final String GSI2_SK = "gsi2sk";
    static final String MAILBOXES = "MAILBOXES";

    /** Fixed width, so dates sort as text; years outside 0000-9999 are clamped. */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");

    private Keys() {
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    static String mailbox(String id) {
        return "MAILBOX#" + id;
    }

    static Map<String, AttributeValue> mailboxItem(String id) {
        return key(mailbox(id), "#MAILBOX");
    }

    static Map<String, AttributeValue> password(String id) {
        return key(mailbox(id), "#PASSWORD");
    }

    static Map<String, AttributeValue> checkpoint(String id) {
        return key(mailbox(id), "#CHECKPOINT");
    }

    static Map<String, AttributeValue> lease(String id) {
        return key(mailbox(id), "#LEASE");
    }

    static Map<String, AttributeValue> account(String identity) {
        return key("ACCOUNT#" + identity, "#CLAIM");
    }

    static Map<String, AttributeValue> record(RecordKey key) {
        return key("RECORD#" + key.asString(), "#RECORD");
    }

    static Map<String, AttributeValue> dedupe(String mailboxId, String dedupeKey) {
        return key("DEDUPE#" + mailboxId + "#" + Digests.sha256Hex(dedupeKey), "#CLAIM");
    }

    /** A date as a sortable key prefix, e.g. {@code 2026-05-13T09:14:32.000Z}. */
    static String sortable(Instant instant) {
        Instant clamped = instant.isBefore(MIN) ? MIN : instant.isAfter(MAX) ? MAX : instant;
        return SORTABLE.format(clamped);
    }
}
