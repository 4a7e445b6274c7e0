package dev.fnbundle.configaudit.semantic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.fnbundle.configaudit.secrets.SecretPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Strict JSON through Jackson's streaming parser: no comments, no trailing tokens, at most {@value #MAX_DEPTH}
 * levels, and a duplicate key in an object is an error at that key's position.
 *
 * <p>Paths: {@code database.host}, {@code servers[0]}; values are the literal text of strings and numbers
 * ({@code 1.0} and {@code 1} differ), {@code true}, {@code false} or {@code null}. Blank text has no keys.
 * Every scalar below a secret key is secret; its position is the literal's, inside the quotes of a string.
 */
public final class JsonConfigParser implements ConfigParser {
    static final int MAX_DEPTH = 64;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    @Override
    public ParsedConfig read(String text) {
        Document doc = new Document(text);
        if (text.isBlank()) {
            return doc.leaves.parsed();
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            parser.nextToken();
            doc.value(parser, "", "$", false);
            if (parser.nextToken() != null) {
                throw error(parser.currentTokenLocation(), "unexpected content after the top-level value");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigParseException(ConfigFormat.JSON, at == null ? 1 : Math.max(1, at.getLineNr()),
                    at == null ? 1 : Math.max(1, at.getColumnNr()), SafeMessages.redact(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string failed", e);
        }
        return doc.leaves.parsed();
    }

    /** The leaves of one document and the text they are read from (to find where secret literals end). */
    private static final class Document {
        private final String text;
        private final LeafCollector leaves = new LeafCollector(ConfigFormat.JSON);

        Document(String text) {
            this.text = text;
        }

        void value(JsonParser p, String path, String name, boolean secret) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.START_OBJECT) {
                object(p, path, name, secret);
            } else if (token == JsonToken.START_ARRAY) {
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    value(p, KeyPaths.index(path, i++), name, secret);
                }
                if (i == 0) {
                    put(p, path, name, "[]", secret);
                }
            } else {
                String literal = p.getText();
                put(p, path, name, literal, secret);
                if (secret) {
                    int start = (int) p.currentTokenLocation().getCharOffset();
                    if (token == JsonToken.VALUE_STRING) {
                        leaves.secretAt(start + 1, closingQuote(start + 1));
                    } else {
                        leaves.secretAt(start, start + literal.length());
                    }
                }
            }
        }

        private void object(JsonParser p, String path, String name, boolean secret) throws IOException {
            Set<String> seen = new HashSet<>();
            int fields = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                if (!seen.add(key)) {
                    throw error(p.currentTokenLocation(), "duplicate key " + shortQuoted(key));
                }
                p.nextToken();
                value(p, KeyPaths.child(path, key), key, secret || SecretPolicy.isSecretName(key));
                fields++;
            }
            if (fields == 0) {
                put(p, path, name, "{}", secret);
            }
        }

        private void put(JsonParser p, String path, String name, String value, boolean secret) {
            JsonLocation at = p.currentTokenLocation();
            leaves.put(path.isEmpty() ? "$" : path, name, value, secret, at.getLineNr(), at.getColumnNr());
        }

        /** The closing quote of the (already validated) string whose content starts at {@code from}. */
        private int closingQuote(int from) {
            int i = from;
            while (text.charAt(i) != '"') {
                i += text.charAt(i) == '\\' ? 2 : 1;
            }
            return i;
        }
    }

    private static String shortQuoted(String key) {
        return "'" + (key.length() > 64 ? key.substring(0, 64) + "…" : key) + "'";
    }

    private static ConfigParseException error(JsonLocation at, String detail) {
        return new ConfigParseException(ConfigFormat.JSON, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()),
                detail);
    }
}
