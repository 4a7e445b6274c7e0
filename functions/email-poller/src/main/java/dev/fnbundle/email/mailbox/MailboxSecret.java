package dev.fnbundle.email.mailbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.json.MalformedJsonException;
import java.util.Locale;
import java.util.Objects;

/**
 * A mailbox password as stored in Secrets Manager, bound to the mailbox it was made for: the secret's string is
 * a JSON object {@code {"host": "imap.example.com", "username": "ap@example.com", "password": "...", "port": 993}}
 * ({@code port} optional; other members are ignored, so a rotation function may add its own). The password is
 * given out only for a mailbox with the same host (case-insensitive, a trailing dot ignored), the same username
 * (exactly) and, when the secret names one, the same port; so registering someone else's secret name with
 * another host gets a refusal, not their password on that host. A plain-string secret is refused too: it names
 * no mailbox, and taking it would reopen that hole.
 *
 * <p>Every refusal is an {@link UnusableSecretException} whose message is the same whatever the reason, which it
 * keeps apart for the operator's log. {@link #toString()} never shows the password. Thread-safe (immutable).
 *
 * @param host     the IMAP host the password is for; never null
 * @param username the login the password is for; never null
 * @param port     the IMAP port the password is for, or null for any
 * @param password never null
 */
public record MailboxSecret(String host, String username, Integer port, Secret password) {
    public MailboxSecret {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Reads a secret's string.
     *
     * @param secretString the secret's {@code SecretString}; may be null (a binary secret)
     * @return never null
     * @throws UnusableSecretException when the string is not such a JSON object
     */
    public static MailboxSecret parse(String secretString) {
        if (secretString == null || !secretString.stripLeading().startsWith("{")) {
            throw new UnusableSecretException("the secret is not a JSON object (a plain-string secret names no"
                    + " mailbox)");
        }
        JsonNode json;
        try {
            json = Json.parse(secretString);
        } catch (MalformedJsonException e) {
            throw new UnusableSecretException("the secret is not valid JSON");
        }
        String host = text(json, "host");
        String username = text(json, "username");
        String password = text(json, "password");
        JsonNode port = json.get("port");
        if (port != null && !(port.isIntegralNumber() && port.canConvertToInt() && port.intValue() >= 1
                && port.intValue() <= 65535)) {
            throw new UnusableSecretException("the secret's port is not a port number");
        }
        return new MailboxSecret(host, username, port == null ? null : port.intValue(), new Secret(password));
    }

    /**
     * The password, for this mailbox only.
     *
     * @param mailbox never null
     * @return never null
     * @throws UnusableSecretException when the secret was made for another host, username or port
     */
    public Secret passwordFor(Mailbox mailbox) {
        if (!normalized(host).equals(normalized(mailbox.host()))) {
            throw new UnusableSecretException("the secret is bound to another host");
        }
        if (!username.equals(mailbox.username())) {
            throw new UnusableSecretException("the secret is bound to another username");
        }
        if (port != null && port != mailbox.port()) {
            throw new UnusableSecretException("the secret is bound to another port");
        }
        return password;
    }

    private static String text(JsonNode json, String member) {
        JsonNode value = json.get(member);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw new UnusableSecretException("the secret has no \"" + member + "\" string");
        }
        return value.textValue();
    }

    private static String normalized(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    @Override
    public String toString() {
        return "MailboxSecret[host=" + host + ", port=" + port + "]";
    }
}
