package dev.fnbundle.email.mailbox;

/**
 * A mailbox as the API returns it; it has no password field at all.
 *
 * @param id             the mailbox id
 * @param host           the IMAP host
 * @param port           the IMAP port
 * @param username       the login
 * @param passwordSource {@code secret} or {@code inline}
 * @param folder         the folder polled
 * @param archiveFolder  the archive folder
 * @param search         the search criteria
 */
public record MailboxView(String id, String host, int port, String username, String passwordSource, String folder,
                          String archiveFolder, SearchCriteria search) {
}
