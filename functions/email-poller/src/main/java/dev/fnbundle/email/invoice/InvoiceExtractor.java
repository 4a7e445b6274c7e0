package dev.fnbundle.email.invoice;

import dev.fnbundle.email.mime.MailAddress;
import dev.fnbundle.email.mime.ParsedMessage;
import java.util.Optional;

/**
 * Extracts invoice fields from a parsed message. The amount is searched in the body, then in the subject; the
 * amount rules are described in {@link AmountSelector} and {@link MoneyScanner}, the invoice number in
 * {@link InvoiceNumberFinder}, the due date in {@link DueDateFinder}. The vendor is the sender's display name
 * or, without one, the sender's domain (lower-cased, as written). Unknown fields stay null. Thread-safe; linear
 * in the size of the body.
 */
public final class InvoiceExtractor {
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
        String body = message.textBody();
        String subject = message.subject() == null ? "" : message.subject();
        Optional<Money> money = amounts.select(body).or(() -> amounts.select(subject));
        return new InvoiceFields(
                money.map(Money::amountText).orElse(null),
                money.map(Money::currency).orElse(null),
                numbers.find(body, subject).orElse(null),
                dueDates.find(body).or(() -> dueDates.find(subject)).orElse(null),
                vendor(message.from()));
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
