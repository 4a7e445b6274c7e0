package dev.fnbundle.email.mime;

import java.util.Locale;
import java.util.Objects;

/**
 * One mailbox address from a header, with its RFC 2047 decoded display name.
 *
 * @param address     the addr-spec as written, e.g. {@code billing@acme.com}; never null, may be empty for a
 *                    group or an unparseable header
 * @param displayName the decoded display name, or null when the header has none
 */
public record MailAddress(String address, String displayName) {
    public MailAddress {
        Objects.requireNonNull(address, "address");
    }

    /**
     * The domain part of the address, lower-cased.
     *
     * @return the text after the last {@code @}, or null when the address has none
     */
    public String domain() {
        int at = address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) {
            return null;
        }
        return address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The address as a reader would write it: {@code Name <addr>} or just {@code addr}.
     *
     * @return never null
     */
    public String display() {
        return displayName == null || displayName.isBlank() ? address : displayName + " <" + address + ">";
    }
}
