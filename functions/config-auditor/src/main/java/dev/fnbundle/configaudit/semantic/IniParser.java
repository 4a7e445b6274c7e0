package dev.fnbundle.configaudit.semantic;

import dev.fnbundle.configaudit.difflib.TextLines;
import dev.fnbundle.configaudit.semantic.IniReread.NotPlain;
import dev.fnbundle.configaudit.semantic.IniReread.RepeatedPath;
import dev.fnbundle.configaudit.secrets.SecretPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * INI as files in the wild write it: Python's {@code configparser} (no interpolation) made lenient where systemd
 * units, git config, php.ini, my.cnf and .editorconfig go beyond it.
 *
 * <ul>
 *   <li><b>Sections</b>: {@code [name]}, taken verbatim ({@code [remote "origin"]}, {@code [*.{js,py}]}); a
 *       comment may follow the {@code ]}. A section that appears again continues where it left off (git config
 *       and systemd drop-ins do this; configparser's strict mode refuses it). {@code DEFAULT} is an ordinary
 *       section: its values are not copied into the others.</li>
 *   <li><b>Keys before the first section</b> (my.cnf, .editorconfig's {@code root = true}) get the bare path
 *       {@code key}.</li>
 *   <li><b>Pairs</b>: {@code key = value} or {@code key: value}, split at the first {@code =} or {@code :}; keys
 *       are stripped and lower-cased (configparser's {@code optionxform}), values stripped. Path:
 *       {@code section.key}.</li>
 *   <li><b>Repeated keys</b> (systemd's {@code ExecStart=} lists, git's multi-valued {@code fetch}, php.ini's
 *       {@code extension=}) are all kept, in document order: a key that occurs once has the path
 *       {@code section.key}; one that occurs n times has {@code section.key[0]} ... {@code section.key[n-1]}, so
 *       key drift shows an added, removed or changed occurrence as such. (systemd's empty {@code ExecStart=},
 *       which resets the list, is kept as an empty occurrence.)</li>
 *   <li><b>Flags</b>: a line that is a single word without a delimiter (my.cnf's {@code skip-name-resolve}) is a
 *       key with the empty value; a line starting with {@code !} (my.cnf's {@code !includedir /etc/mysql}) is
 *       a key made of its first word, valued with the rest. Any other line without a delimiter is an error.</li>
 *   <li><b>Comments</b>: a line whose first non-blank character is {@code #} or {@code ;} is a comment, even
 *       inside a continued value (as in configparser). Inline comments are <em>not</em> stripped: they are part
 *       of the value, as in configparser's default, systemd and .editorconfig. {@code #} and {@code ;} appear
 *       inside real values (colours, URLs, PHP constants), and keeping them means a changed comment shows as a
 *       changed value instead of a changed value hiding behind a comment.</li>
 *   <li><b>Continuation lines</b>: a non-blank line indented deeper than its key's line continues the value
 *       (joined with {@code \n}), as in configparser; a blank line ends the value. A trailing backslash is kept
 *       literally (configparser does; systemd and git would join the next line, which the next line's indentation
 *       usually does here too).</li>
 * </ul>
 * A key is secret when its name or its section's name is ({@link SecretPolicy}); lines split at {@code \r\n},
 * {@code \r} or {@code \n}. Linear in the text.
 */
public final class IniParser implements ConfigParser {

    @Override
    public ParsedConfig read(String text) {
        return read(text, (TextLines) null);
    }

    /** As {@link #read(String)}; lines cut at '\n' only are these lines too, and are not looked for again. */
    @Override
    public ParsedConfig read(TextLines lines) {
        return read(lines.text(), lines.breaksOnlyAtLineFeeds() ? lines : null);
    }

    private static ParsedConfig read(String text, TextLines lines) {
        // Nearly every document names each path once, and most have no '.' in a section or key: read it so,
        // keeping each key where it stands (IniKeys). A '.' reads it again putting each key as it ends; a path
        // that comes again reads it once more counting repetitions (see Document#finish). Each way gives the
        // same leaves for the documents it accepts.
        try {
            return read(text, lines, Mode.IN_PLACE);
        } catch (NotPlain e) {
            try {
                return read(text, lines, Mode.UNIQUE);
            } catch (RepeatedPath again) {
                return read(text, lines, Mode.COUNTING);
            }
        } catch (RepeatedPath e) {
            return read(text, lines, Mode.COUNTING);
        }
    }

    /** How a document's keys are kept while reading it. */
    private enum Mode {
        /** In place ({@link IniKeys}): no '.' in any section or key, no repeated (section, key). */
        IN_PLACE,
        /** Each key put as it ends: no repeated path. */
        UNIQUE,
        /** Every occurrence kept, repetitions counted at the end. */
        COUNTING
    }

    private static ParsedConfig read(String text, TextLines lines, Mode mode) {
        Document doc = new Document(text, mode);
        if (lines != null) {
            // Each line without its '\n'; a text that is empty or ends in '\n' has one more, empty line.
            for (int i = 0; i < lines.size(); i++) {
                int end = lines.end(i);
                doc.accept(lines.start(i), text.charAt(end - 1) == '\n' ? end - 1 : end, i + 1);
            }
            if (text.isEmpty() || text.charAt(text.length() - 1) == '\n') {
                doc.accept(text.length(), text.length(), lines.size() + 1);
            }
            doc.flush();
            return doc.finish();
        }
        int start = 0;
        int line = 1;
        // Without any '\r', a line ends at the next '\n', which indexOf finds many characters at a time.
        boolean onlyLineFeeds = text.indexOf('\r') < 0;
        while (true) {
            int end;
            if (onlyLineFeeds) {
                end = text.indexOf('\n', start);
                end = end < 0 ? text.length() : end;
            } else {
                end = start;
                while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                    end++;
                }
            }
            doc.accept(start, end, line);
            if (end == text.length()) {
                break;
            }
            start = end + (text.startsWith("\r\n", end) ? 2 : 1);
            line++;
        }
        doc.flush();
        return doc.finish();
    }

    /** One occurrence of a key, in document order. */
    private record Occurrence(SectionKey id, String value, boolean secret, int line) {
    }

    /** A key within its section: what counts as "the same key" for repeated keys (not the path, see finish). */
    private record SectionKey(String section, String key) {
    }

    /** Parsing state of one document: the current section and the key whose value may still continue. */
    private static final class Document {
        private final String text;
        private final LeafCollector leaves;
        private final Mode mode;
        /** The leaves in place (mode IN_PLACE), else null. */
        private final IniKeys keys;
        private final List<Occurrence> occurrences = new ArrayList<>();
        private String section = "";
        private int sectionId;
        private boolean sectionSecret;
        /** Whether a key is open (its value may still continue). */
        private boolean hasKey;
        /** The open key, lower-cased; in place, null when its characters in the text are already its name. */
        private String key;
        private int keyFrom;
        /** In place: the {@link String#hashCode} of the open key's name (lower-cased). */
        private int keyHash;
        private int keyTo;
        private boolean keySecret;
        /** The value on the key's own line, as offsets; continuation lines go to {@link #continued}. */
        private int valueStart;
        private int valueEnd;
        private StringBuilder continued;
        private int keyIndent;
        private int keyLine;

        Document(String text, Mode mode) {
            this.text = text;
            this.mode = mode;
            // About one key per 24 characters in typical files: the map is sized once instead of doubling.
            this.leaves = new LeafCollector(ConfigFormat.INI, text.length() / 24);
            this.keys = mode == Mode.IN_PLACE ? new IniKeys(text, text.length() / 24) : null;
            this.sectionId = keys == null ? 0 : keys.section("");
        }

        void accept(int start, int end, int line) {
            int first = skipBlanks(start, end);
            int last = trimEnd(first, end);
            if (first < end && (text.charAt(first) == '#' || text.charAt(first) == ';')) {
                return;
            }
            int indent = first - start;
            if (first == end) {
                flush();
            } else if (hasKey && indent > keyIndent) {
                if (continued == null) {
                    continued = new StringBuilder().append(text, valueStart, valueEnd);
                }
                continued.append('\n').append(text, first, last);
                secret(first, last);
            } else if (text.charAt(first) == '[') {
                flush();
                header(first, last, line, indent);
            } else {
                flush();
                startKey(first, last, line, indent);
            }
        }

        private void header(int first, int last, int line, int indent) {
            int close = first + 1;
            while (close < last && text.charAt(close) != ']') {
                close++;
            }
            if (close >= last || close == first + 1 || !blankOrComment(close + 1, last)) {
                throw error(line, indent + 1, "a section header must look like [name]");
            }
            section = text.substring(first + 1, close);
            sectionSecret = SecretPolicy.isSecretName(section);
            if (keys != null) {
                if (section.indexOf('.') >= 0) {
                    throw NotPlain.INSTANCE;
                }
                sectionId = keys.section(section);
            }
        }

        private void startKey(int first, int last, int line, int indent) {
            int split = firstDelimiter(first, last);
            int valueStart;
            int nameEnd;
            if (split >= 0) {
                nameEnd = trimEnd(first, split);
                valueStart = skipBlanks(split + 1, last);
            } else if (text.charAt(first) == '!' || !hasBlank(first, last)) {
                int word = first;
                while (word < last && !isWhitespace(text.charAt(word))) {
                    word++;
                }
                nameEnd = word;
                valueStart = skipBlanks(word, last);
            } else {
                throw error(line, indent + 1, "expected '[section]', 'key = value', a single-word flag or a"
                        + " comment");
            }
            if (nameEnd == first) {
                throw error(line, indent + 1, "empty key");
            }
            if (keys != null) {
                long plain = IniKeys.plainNameHash(text, first, nameEnd);
                key = plain == IniKeys.NEEDS_LOWER_CASE ? text.substring(first, nameEnd).toLowerCase(Locale.ROOT)
                        : null;
                if (plain == IniKeys.HAS_DOT || key != null && key.indexOf('.') >= 0) {
                    throw NotPlain.INSTANCE;
                }
                keyHash = key != null ? key.hashCode() : (int) plain;
                // A name already in lower case was checked for secret markers while it was hashed.
                keySecret = sectionSecret || (key != null ? SecretPolicy.isSecretName(key)
                        : (plain & IniKeys.SECRET_NAME) != 0);
            } else {
                key = text.substring(first, nameEnd).toLowerCase(Locale.ROOT);
                keySecret = sectionSecret || SecretPolicy.isSecretName(key);
            }
            hasKey = true;
            keyFrom = first;
            keyTo = nameEnd;
            this.valueStart = valueStart;
            this.valueEnd = last;
            continued = null;
            secret(valueStart, last);
            keyIndent = indent;
            keyLine = line;
        }

        private void secret(int start, int end) {
            if (keySecret) {
                leaves.secretAt(start, end);
            }
        }

        void flush() {
            if (!hasKey) {
                return;
            }
            hasKey = false;
            if (keys != null) {
                flushInPlace();
                return;
            }
            String value = continued != null ? continued.toString() : text.substring(valueStart, valueEnd);
            if (mode == Mode.COUNTING) {
                occurrences.add(new Occurrence(new SectionKey(section, key), value, keySecret, keyLine));
            } else if (leaves.size() >= LeafCollector.MAX_KEYS
                    || !leaves.putNew(section.isEmpty() ? key : section + "." + key, key, value, keySecret,
                            keyLine, 1)) {
                // A repeated path, or the key limit whose error the counting mode reports after every line.
                throw RepeatedPath.INSTANCE;
            }
        }

        /** The open key kept in place; only a secret value, or one holding a URL, becomes a string. */
        private void flushInPlace() {
            String joined = continued != null ? continued.toString() : null;
            if (keys.size() >= LeafCollector.MAX_KEYS
                    || !keys.add(sectionId, keyFrom, keyTo, key, keyHash, keySecret)) {
                // As in the unique mode: a repeated path, or the key limit, read again counting repetitions.
                throw RepeatedPath.INSTANCE;
            }
            keys.valueOfLast(valueStart, valueEnd, joined);
            if (joined != null) {
                leaves.secretsOf(joined, keySecret);
            } else if (keySecret || text.indexOf("://", valueStart, valueEnd) >= 0) {
                leaves.secretsOf(text.substring(valueStart, valueEnd), keySecret);
            }
        }

        /**
         * Paths of the occurrences. Repetition is counted per section and key, not per path: section {@code a.b}
         * with key {@code c} and section {@code a} with key {@code b.c} are two keys that share a path (the later
         * one wins, as for any repeated path).
         */
        ParsedConfig finish() {
            if (keys != null) {
                return leaves.parsed(keys);
            }
            if (mode == Mode.UNIQUE) {
                return leaves.parsed();
            }
            // {occurrences, next index} per key, shared by the key's occurrences.
            Map<SectionKey, int[]> counts = new HashMap<>(occurrences.size() * 2);
            List<int[]> countOf = new ArrayList<>(occurrences.size());
            for (Occurrence o : occurrences) {
                int[] count = counts.computeIfAbsent(o.id(), id -> new int[2]);
                count[0]++;
                countOf.add(count);
            }
            for (int k = 0; k < occurrences.size(); k++) {
                Occurrence o = occurrences.get(k);
                String section = o.id().section();
                String key = o.id().key();
                String path = section.isEmpty() ? key : section + "." + key;
                int[] count = countOf.get(k);
                if (count[0] > 1) {
                    path = KeyPaths.index(path, count[1]++);
                }
                leaves.put(path, key, o.value(), o.secret(), o.line(), 1);
            }
            return leaves.parsed();
        }

        private int firstDelimiter(int from, int to) {
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c == '=' || c == ':') {
                    return i;
                }
            }
            return -1;
        }

        private boolean hasBlank(int from, int to) {
            for (int i = from; i < to; i++) {
                if (isWhitespace(text.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        private boolean blankOrComment(int from, int to) {
            int i = skipBlanks(from, to);
            return i == to || text.charAt(i) == '#' || text.charAt(i) == ';';
        }

        private int skipBlanks(int from, int to) {
            int i = from;
            while (i < to && isWhitespace(text.charAt(i))) {
                i++;
            }
            return i;
        }

        private int trimEnd(int from, int to) {
            int i = to;
            while (i > from && isWhitespace(text.charAt(i - 1))) {
                i--;
            }
            return i;
        }
    }

    /** {@link Character#isWhitespace}, answered without a table lookup for ASCII. */
    private static boolean isWhitespace(char c) {
        if (c < 0x80) {
            return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001c' && c <= '\u001f';
        }
        return Character.isWhitespace(c);
    }

    private static ConfigParseException error(int line, int column, String detail) {
        return new ConfigParseException(ConfigFormat.INI, line, column, detail);
    }
}
