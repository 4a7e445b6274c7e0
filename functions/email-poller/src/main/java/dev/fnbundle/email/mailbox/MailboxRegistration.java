package dev.fnbundle.email.mailbox;

/**
 * The body of POST /mailboxes as parsed from JSON, before validation; any field may be null.
 *
 * @param host           the IMAP host
 * @param port           the IMAP port; null means 993
 * @param username       the login
 * @param passwordSecret a Secrets Manager id (AWS) or {@code env:NAME} (local)
 * @param password       an inline password, local mode only
 * @param folder         the folder to poll; null means {@code INBOX}
 * @param archiveFolder  the archive folder; null means {@code Archive}
 * @param search         the search criteria
 */
public record MailboxRegistration(String host, Integer port, String username, String passwordSecret,
                                  String password, String folder, String archiveFolder, Search search) {

    /**
     * The {@code search} object.
     *
     * @param subject    required
     * @param from       optional
     * @param since      optional, ISO date {@code YYYY-MM-DD}
     * @param unseenOnly optional, default false
     */
    public record Search(String subject, String from, String since, Boolean unseenOnly) {
    }

    @Override
    public String toString() {
        // The generated toString would print the inline password.
        return "MailboxRegistration[host=" + host + ", port=" + port + ", folder=" + folder + "]";
    }
}
