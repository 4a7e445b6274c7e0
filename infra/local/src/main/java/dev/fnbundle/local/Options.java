package dev.fnbundle.local;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime's command line.
 *
 * <pre>
 * start  [--template FILE] [--port 3000] [--persist DIR] [--parameter KEY=VALUE]... [--fire RULE]...
 *        [--max-instances 3] [--no-mail] [--allow-loopback-fetch] [--verbose]
 *        [--dynamodb-port 8000] [--sqs-port 9324] [--smtp-port 3025] [--imap-port 3143] [--imaps-port 3993]
 *        [--runtime-client auto|ric|portable] [--logs|--no-logs] [--strict] [--env-vars FILE]
 *        [--jwks-url URL] [--async-retry-delays 60s,120s] [--watch]
 *        [--debug FUNCTION[:PORT]]... [--debug-suspend] [--no-aot-cache]
 * invoke FUNCTION --event FILE [--template FILE] [--parameter KEY=VALUE]... [--env-vars FILE]
 *        [--debug FUNCTION[:PORT]] [--debug-suspend]
 * </pre>
 */
public record Options(String command, Path template, int port, Path persist, Map<String, String> parameters,
                      List<String> fire, int maxInstances, boolean mail, boolean allowLoopbackFetch,
                      boolean verbose, Ports ports, Path workDirectory, String function, Path event,
                      String runtimeClient, InnerLoop innerLoop) {

    /**
     * What makes the edit-run loop comfortable.
     *
     * @param logs             show function log lines on the console; null: when it is a terminal
     * @param strict           make every template construct the runtime cannot run fatal
     * @param envVars          a SAM CLI environment-variables file, or null
     * @param jwksUrl          an identity provider's JWKS whose tokens the API accepts too, or null
     * @param asyncRetryDelays the delays before the retries of a failed asynchronous invocation (Lambda: two
     *                         retries, about 1 and 2 minutes after)
     * @param watch            rebuild and reload functions whose sources change, and apply template changes
     * @param debug            the JDWP port of each function to debug, by logical id
     * @param debugSuspend     debugged JVMs wait for the debugger before they start
     * @param aotCache         make and use an AOT cache per function (JDK 25 and later)
     */
    public record InnerLoop(Boolean logs, boolean strict, Path envVars, URI jwksUrl,
                            List<Duration> asyncRetryDelays, boolean watch, Map<String, Integer> debug,
                            boolean debugSuspend, boolean aotCache) {
        public static final List<Duration> LAMBDA_RETRY_DELAYS = List.of(Duration.ofMinutes(1),
                Duration.ofMinutes(2));
        /** The first debugger port; each further function without a port gets the next free one. */
        public static final int FIRST_DEBUG_PORT = 5005;

        public InnerLoop {
            debug = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(debug));
        }
    }

    /** The same options with their generated files (task roots, caches, logs, dev token) under {@code directory}. */
    public Options withWorkDirectory(Path directory) {
        return new Options(command, template, port, persist, parameters, fire, maxInstances, mail,
                allowLoopbackFetch, verbose, ports, directory, function, event, runtimeClient, innerLoop);
    }

    /** Ports of the embedded services; 0 picks a free one. */
    public record Ports(int dynamodb, int sqs, int smtp, int imap, int imaps) {
        public static final Ports DEFAULT = new Ports(8000, 9324, 3025, 3143, 3993);
        public static final Ports FREE = new Ports(0, 0, 0, 0, 0);
    }

    static final String USAGE = """
            usage: start  [--template FILE] [--port 3000] [--persist DIR] [--parameter KEY=VALUE]...
                          [--fire RULE]... [--max-instances N] [--no-mail] [--allow-loopback-fetch] [--verbose]
                          [--dynamodb-port N] [--sqs-port N] [--smtp-port N] [--imap-port N] [--imaps-port N]
                          [--runtime-client auto|ric|portable] [--logs|--no-logs] [--strict] [--env-vars FILE]
                          [--jwks-url URL] [--async-retry-delays 60s,120s] [--watch]
                          [--debug FUNCTION[:PORT]]... [--debug-suspend] [--no-aot-cache]
                   invoke FUNCTION --event FILE [--template FILE] [--parameter KEY=VALUE]... [--env-vars FILE]
                          [--debug FUNCTION[:PORT]] [--debug-suspend]""";

    /**
     * Parses arguments relative to the checkout root.
     *
     * @throws UserFacingException naming the argument that is wrong
     */
    public static Options parse(List<String> args, Path root) {
        var parser = new Parser(args, root);
        return parser.parse();
    }

    private static final class Parser {
        private final List<String> args;
        private final Path root;
        private int index;

        Parser(List<String> args, Path root) {
            this.args = args;
            this.root = root;
        }

        Options parse() {
            String command = args.isEmpty() || args.get(0).startsWith("--") ? "start" : args.get(index++);
            if (!List.of("start", "invoke", "help").contains(command)) {
                throw new UserFacingException("unknown command '" + command + "'\n" + USAGE);
            }
            String function = null;
            if (command.equals("invoke")) {
                if (index >= args.size() || args.get(index).startsWith("--")) {
                    throw new UserFacingException("invoke needs a function name (its logical id)\n" + USAGE);
                }
                function = args.get(index++);
            }
            Path template = root.resolve("template.yaml");
            int port = 3000;
            Path persist = null;
            Path event = null;
            var parameters = new LinkedHashMap<String, String>();
            var fire = new ArrayList<String>();
            int maxInstances = 3;
            boolean mail = true;
            boolean loopback = false;
            boolean verbose = false;
            String runtimeClient = "auto";
            Boolean logs = null;
            boolean strict = false;
            Path envVars = null;
            URI jwksUrl = null;
            List<Duration> retryDelays = InnerLoop.LAMBDA_RETRY_DELAYS;
            boolean watch = false;
            var debug = new LinkedHashMap<String, Integer>();
            boolean debugSuspend = false;
            boolean aotCache = true;
            int[] ports = {8000, 9324, 3025, 3143, 3993};
            while (index < args.size()) {
                String option = args.get(index++);
                switch (option) {
                    case "--template" -> template = root.resolve(value(option));
                    case "--port" -> port = number(option);
                    case "--persist" -> persist = root.resolve(value(option));
                    case "--parameter", "--parameter-overrides" -> parameter(value(option), parameters);
                    case "--fire" -> fire.add(value(option));
                    case "--max-instances" -> maxInstances = Math.max(1, number(option));
                    case "--no-mail" -> mail = false;
                    case "--allow-loopback-fetch" -> loopback = true;
                    case "--verbose" -> verbose = true;
                    case "--event", "-e" -> event = root.resolve(value(option));
                    case "--dynamodb-port" -> ports[0] = number(option);
                    case "--sqs-port" -> ports[1] = number(option);
                    case "--smtp-port" -> ports[2] = number(option);
                    case "--imap-port" -> ports[3] = number(option);
                    case "--imaps-port" -> ports[4] = number(option);
                    case "--runtime-client" -> runtimeClient = value(option);
                    case "--logs" -> logs = true;
                    case "--no-logs" -> logs = false;
                    case "--strict" -> strict = true;
                    case "--env-vars" -> envVars = root.resolve(value(option));
                    case "--jwks-url" -> jwksUrl = url(option);
                    case "--async-retry-delays" -> retryDelays = durations(option);
                    case "--watch" -> watch = true;
                    case "--debug" -> debugTarget(option, debug);
                    case "--debug-suspend" -> debugSuspend = true;
                    case "--no-aot-cache" -> aotCache = false;
                    default -> throw new UserFacingException("unknown option " + option + "\n" + USAGE);
                }
            }
            if (command.equals("invoke") && event == null) {
                throw new UserFacingException("invoke needs --event FILE (e.g. events/order-resolver/...)");
            }
            return new Options(command, template, port, persist, Map.copyOf(parameters), List.copyOf(fire),
                    maxInstances, mail, loopback, verbose,
                    new Ports(ports[0], ports[1], ports[2], ports[3], ports[4]),
                    root.resolve("target").resolve("local"), function, event, runtimeClient,
                    new InnerLoop(logs, strict, envVars, jwksUrl, retryDelays, watch, debugPorts(debug),
                            debugSuspend, aotCache));
        }

        /** {@code FUNCTION} or {@code FUNCTION:PORT}; a port-less function gets one later (see debugPorts). */
        private void debugTarget(String option, Map<String, Integer> debug) {
            String value = value(option);
            int colon = value.lastIndexOf(':');
            String function = colon < 0 ? value : value.substring(0, colon);
            if (function.isEmpty() || function.startsWith("-")) {
                throw new UserFacingException(option + " takes FUNCTION or FUNCTION:PORT (a logical id), not '"
                        + value + "'");
            }
            int port = 0;
            if (colon >= 0) {
                try {
                    port = Integer.parseInt(value.substring(colon + 1));
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 1 || port > 65_535) {
                    throw new UserFacingException(option + " " + value + ": the port must be a number from 1 to"
                            + " 65535");
                }
            }
            debug.put(function, port);
        }

        /** Functions without a port get 5005, then 5006 and so on, skipping the ports given explicitly. */
        private static Map<String, Integer> debugPorts(Map<String, Integer> requested) {
            var taken = new java.util.HashSet<Integer>();
            for (var entry : requested.entrySet()) {
                if (entry.getValue() != 0 && !taken.add(entry.getValue())) {
                    throw new UserFacingException("--debug: port " + entry.getValue() + " is given twice");
                }
            }
            var ports = new LinkedHashMap<String, Integer>();
            int next = InnerLoop.FIRST_DEBUG_PORT;
            for (var entry : requested.entrySet()) {
                int port = entry.getValue();
                if (port == 0) {
                    while (taken.contains(next)) {
                        next++;
                    }
                    port = next;
                    taken.add(port);
                }
                ports.put(entry.getKey(), port);
            }
            return ports;
        }

        private URI url(String option) {
            String value = value(option);
            try {
                URI uri = new URI(value);
                if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new URISyntaxException(value, "not an http(s) URL");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new UserFacingException(option + " needs an http(s) URL, not '" + value + "'");
            }
        }

        /** Comma-separated durations with a unit: {@code 60s,120s}, {@code 200ms,400ms}, {@code 1m,2m}. */
        private List<Duration> durations(String option) {
            String value = value(option);
            var delays = new ArrayList<Duration>();
            for (String part : value.split(",", -1)) {
                String text = part.trim();
                int unit = 0;
                while (unit < text.length() && Character.isDigit(text.charAt(unit))) {
                    unit++;
                }
                if (unit == 0 || unit > 9) {
                    throw new UserFacingException(option + " takes durations like 60s,120s or 200ms,400ms, not '"
                            + value + "'");
                }
                long amount = Long.parseLong(text.substring(0, unit));
                delays.add(switch (text.substring(unit)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> throw new UserFacingException(option + " takes durations like 60s,120s or"
                            + " 200ms,400ms, not '" + value + "'");
                });
            }
            if (delays.size() > 2) {
                throw new UserFacingException(option + ": Lambda retries a failed asynchronous invocation at most"
                        + " twice, so give at most two delays");
            }
            return List.copyOf(delays);
        }

        private String value(String option) {
            if (index >= args.size()) {
                throw new UserFacingException(option + " needs a value\n" + USAGE);
            }
            return args.get(index++);
        }

        private int number(String option) {
            String value = value(option);
            try {
                int number = Integer.parseInt(value);
                if (number < 0 || number > 65_535) {
                    throw new NumberFormatException();
                }
                return number;
            } catch (NumberFormatException e) {
                throw new UserFacingException(option + " needs a number, not '" + value + "'");
            }
        }

        private static void parameter(String assignments, Map<String, String> parameters) {
            for (String assignment : assignments.trim().split("\\s+")) {
                int eq = assignment.indexOf('=');
                if (eq <= 0) {
                    throw new UserFacingException("--parameter takes KEY=VALUE, not '" + assignment + "'");
                }
                parameters.put(assignment.substring(0, eq), assignment.substring(eq + 1));
            }
        }
    }
}
