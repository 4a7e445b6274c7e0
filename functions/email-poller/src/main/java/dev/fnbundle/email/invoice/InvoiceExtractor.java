package dev.fnbundle.email.invoice;

import dev.fnbundle.email.mime.MailAddress;
import dev.fnbundle.email.mime.ParsedMessage;
import java.util.Optional;

/**
 * Extracts invoice fields from a parsed message. The amount is searched in the body, then in the subject; the
 * amount rules are described in {@link AmountSelector} and {@link MoneyScanner}, the invoice number in
 * {@link InvoiceNumberFinder}, the due date in {@link DueDateFinder}. The vendor is the sender's display name
 * or, without one, the sender's domain (lower-cased, as written). Unknown fields stay null.
 *
 * <p>The finders read at most the first {@value #MAX_BODY_CHARS} characters of the body (some 60 pages; an
 * invoice states its number, total and due date well before that) and the first {@value #MAX_SUBJECT_CHARS} of
 * the subject; the rest is not searched. Every pattern they use runs in time linear in what it reads, so one
 * message costs at most a few milliseconds. Thread-safe.
 */
public final class InvoiceExtractor {
    /** The most characters of a body the finders read. */
    public static final int MAX_BODY_CHARS = 200_000;
    /** The most characters of a subject the finders read. */
    public static final int MAX_SUBJECT_CHARS = 2_000;
    private final AmountSelector amounts = new AmountSelector();
    private final InvoiceNumberFinder numbers = new InvoiceNumberFinder();
    private final DueDateFinder dueDates = new DueDateFinder();

    /**
     * Extracts the fields of one message.
     *
     * @param message never null
     * @return never null; fields the message does not state are null
     */
    public InvoiceFields extract(ParsedMessage message) {
        String body = head(message.textBody(), MAX_BODY_CHARS);
        String subject = head(message.subject() == null ? "" : message.subject(), MAX_SUBJECT_CHARS);
        Optional<Money> money = amounts.select(body).or(() -> amounts.select(subject));
        return new InvoiceFields(
                money.map(Money::amountText).orElse(null),
                money.map(Money::currency).orElse(null),
                numbers.find(body, subject).orElse(null),
                dueDates.find(body).or(() -> dueDates.find(subject)).orElse(null),
                vendor(message.from()));
    }

    /** The first {@code max} characters, one less when the cut would split a surrogate pair. */
    static String head(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }

    static String vendor(MailAddress from) {
        if (from == null) {
            return null;
        }
        if (from.displayName() != null && !from.displayName().isBlank()) {
            return from.displayName().strip();
        }
        return from.domain();
    }
}
