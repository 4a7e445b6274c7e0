package dev.fnbundle.configaudit.semantic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.fnbundle.configaudit.secrets.SecretPolicy;
import java.util.Set;

/**
 * nginx-style configs: {@code name arg...;} directives and {@code name arg... { ... }} blocks.
 *
 * <p>Paths, per parent block:
 * <ul>
 *   <li>Directives and argument-less blocks of the same name are numbered together in document order: a name that
 *       occurs once is plain ({@code worker_processes}); a name that repeats gets indices ({@code listen[0]},
 *       {@code listen[1]}). An argument-less block is always indexed ({@code http.server[0].listen}) unless it is
 *       one of nginx's single contexts {@code http}, {@code events}, {@code stream}, {@code mail}, {@code types}
 *       occurring once.</li>
 *   <li>A block with arguments is keyed by them, so reordering does not matter: {@code location["/api"]},
 *       {@code upstream["backend"].server[1]}; a repeat of the same name and arguments gets {@code [1]},
 *       {@code [2]}, ....</li>
 *   <li>A directive's value is its arguments joined by one space; an empty block has the value {@code {}}.</li>
 * </ul>
 * A directive whose name is secret ({@code ssl_certificate_key}, {@code auth_token}) has secret arguments, and so
 * has every directive inside a block whose name is secret.
 */
public final class NginxParser implements ConfigParser {
    private static final int MAX_DEPTH = 64;
    private static final Set<String> SINGLE_CONTEXTS = Set.of("http", "events", "stream", "mail", "types");

    /**
     * A parsed directive; {@code children} is null for a simple directive.
     *
     * @param argTokens its arguments as tokens, for their positions
     */
    private record Directive(String name, String args, List<NginxTokenizer.Token> argTokens,
                             List<Directive> children, int line, int column) {
    }

    @Override
    public ParsedConfig read(String text) {
        List<NginxTokenizer.Token> tokens = new NginxTokenizer(text).tokens();
        int[] cursor = {0};
        List<Directive> root = block(tokens, cursor, null, 0);
        LeafCollector leaves = new LeafCollector(ConfigFormat.NGINX);
        flatten(leaves, "", root, false);
        return leaves.parsed();
    }

    private static List<Directive> block(List<NginxTokenizer.Token> tokens, int[] cursor, NginxTokenizer.Token open,
                                         int depth) {
        if (depth > MAX_DEPTH) {
            throw error(open, "blocks nest deeper than " + MAX_DEPTH + " levels");
        }
        List<Directive> out = new ArrayList<>();
        while (cursor[0] < tokens.size()) {
            NginxTokenizer.Token first = tokens.get(cursor[0]++);
            if (first.is('}')) {
                if (open == null) {
                    throw error(first, "unexpected '}'");
                }
                return out;
            }
            if (first.is(';') || first.is('{')) {
                throw error(first, "unexpected '" + first.text() + "': a directive name is missing");
            }
            out.add(directive(tokens, cursor, first, depth));
        }
        if (open != null) {
            throw error(open, "block opened here is never closed with '}'");
        }
        return out;
    }

    private static Directive directive(List<NginxTokenizer.Token> tokens, int[] cursor, NginxTokenizer.Token name,
                                       int depth) {
        List<NginxTokenizer.Token> args = new ArrayList<>();
        while (cursor[0] < tokens.size()) {
            NginxTokenizer.Token t = tokens.get(cursor[0]++);
            if (t.is(';')) {
                return new Directive(name.text(), joined(args), args, null, name.line(), name.column());
            }
            if (t.is('{')) {
                List<Directive> children = block(tokens, cursor, t, depth + 1);
                return new Directive(name.text(), joined(args), args, children, name.line(), name.column());
            }
            if (t.is('}')) {
                throw error(t, "unexpected '}': directive is not terminated by ';'");
            }
            args.add(t);
        }
        throw error(name, "directive is not terminated by ';' before the end of the file");
    }

    private static String joined(List<NginxTokenizer.Token> args) {
        return String.join(" ", args.stream().map(NginxTokenizer.Token::text).toList());
    }

    private static void flatten(LeafCollector leaves, String parent, List<Directive> children, boolean secret) {
        Map<String, Integer> plainCounts = new HashMap<>();
        Map<String, Integer> argCounts = new HashMap<>();
        for (Directive d : children) {
            if (d.children() == null || d.args().isEmpty()) {
                plainCounts.merge(d.name(), 1, Integer::sum);
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Directive d : children) {
            String path = pathOf(parent, d, plainCounts, seen, argCounts);
            boolean secretHere = secret || SecretPolicy.isSecretName(d.name());
            if (d.children() == null) {
                leaves.put(path, d.name(), d.args(), secretHere, d.line(), d.column());
                if (secretHere) {
                    for (NginxTokenizer.Token arg : d.argTokens()) {
                        int quote = arg.quoted() ? 1 : 0;
                        leaves.secretAt(arg.start() + quote, arg.end() - quote);
                    }
                }
            } else if (d.children().isEmpty()) {
                leaves.put(path, d.name(), "{}", secretHere, d.line(), d.column());
            } else {
                flatten(leaves, path, d.children(), secretHere);
            }
        }
    }

    private static String pathOf(String parent, Directive d, Map<String, Integer> plainCounts,
                                 Map<String, Integer> seen, Map<String, Integer> argCounts) {
        String named = KeyPaths.child(parent, d.name());
        if (d.children() != null && !d.args().isEmpty()) {
            String keyed = named + KeyPaths.quoted(d.args());
            int repeat = argCounts.merge(d.name() + "\u0000" + d.args(), 1, Integer::sum) - 1;
            return repeat == 0 ? keyed : KeyPaths.index(keyed, repeat);
        }
        int index = seen.merge(d.name(), 1, Integer::sum) - 1;
        boolean single = plainCounts.get(d.name()) == 1;
        boolean plain = single && (d.children() == null || SINGLE_CONTEXTS.contains(d.name()));
        return plain ? named : KeyPaths.index(named, index);
    }

    private static ConfigParseException error(NginxTokenizer.Token at, String detail) {
        return new ConfigParseException(ConfigFormat.NGINX, at.line(), at.column(), detail);
    }
}
