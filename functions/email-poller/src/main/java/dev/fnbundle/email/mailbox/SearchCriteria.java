package dev.fnbundle.email.mailbox;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which messages of the folder are invoices to process (IMAP SEARCH keys, all AND-ed).
 *
 * @param subject    SUBJECT substring; never null or blank
 * @param from       FROM substring, or null for any sender
 * @param since      SINCE date (inclusive, server's date of receipt), or null
 * @param unseenOnly only messages without \Seen (a message this poller marked seen but did not finish is still
 *                   picked up)
 */
public record SearchCriteria(String subject, String from, LocalDate since, boolean unseenOnly) {
    public SearchCriteria {
        Objects.requireNonNull(subject, "subject");
    }
}
