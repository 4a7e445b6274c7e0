package dev.fnbundle.local.webconsole;

import dev.fnbundle.embedded.template.QueueSpec;
import dev.fnbundle.local.BundleRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The console's actions, each a POST (the caller has proven it is a console page): send to, purge and redrive
 * queues, fire a schedule, mail a sample invoice, ask for a poll, and hand the dev token to the page's "try it"
 * script (in a response body, never in a URL or a page). Each answers {@code {"message": ...}} or a problem.
 */
final class ConsoleActions {
    private final BundleRuntime stack;
    private final QueueOperations queues;
    private final MailOperations mail;

    ConsoleActions(BundleRuntime stack, QueueOperations queues, MailOperations mail) {
        this.stack = stack;
        this.queues = queues;
        this.mail = mail;
    }

    void handle(ConsoleExchange exchange, String[] path) throws IOException, InterruptedException {
        String action = String.join("/", path);
        if (path.length == 3 && path[0].equals("queues")) {
            queue(exchange, path[1], path[2]);
        } else if (path.length == 3 && path[0].equals("schedules") && path[2].equals("fire")) {
            fire(exchange, path[1]);
        } else if (action.equals("mail/send-sample") && mail.served()) {
            exchange.json(200, WebConsole.message("sent \"" + mail.sendSampleInvoice() + "\" to the demo mailbox"));
        } else if (action.equals("mail/poll") && mail.served() && mail.canPoll()) {
            try {
                exchange.json(202, WebConsole.message(mail.poll()));
            } catch (IOException e) {
                exchange.problem(502, "Bad Gateway", e.getMessage());
            }
        } else if (action.equals("api/token")) {
            if (stack.devToken() == null) {
                exchange.problem(404, "Not Found", "the template's API has no JWT authorizer, so there is no token");
            } else {
                exchange.json(200, Map.of("token", stack.devToken()));
            }
        } else {
            exchange.problem(404, "Not Found", "no console action at /_local/console/" + action);
        }
    }

    private void fire(ConsoleExchange exchange, String rule) throws IOException {
        if (stack.scheduler() == null || !stack.scheduler().fire(rule)) {
            exchange.problem(404, "Not Found", "no schedule rule named " + rule);
        } else {
            exchange.json(202, WebConsole.message("fired " + rule + "; its run appears in the list when it ends"));
        }
    }

    private void queue(ConsoleExchange exchange, String logicalId, String action) throws IOException {
        QueueSpec queue = stack.model().queues().get(logicalId);
        if (queue == null) {
            exchange.problem(404, "Not Found", "no queue " + logicalId);
            return;
        }
        Map<String, String> form = exchange.form();
        switch (action) {
            case "send" -> {
                String body = form.getOrDefault("body", "");
                if (body.isEmpty()) {
                    exchange.problem(400, "Bad Request", "body: a message needs a body");
                } else if (body.getBytes(StandardCharsets.UTF_8).length > QueueOperations.MAX_BODY_BYTES) {
                    exchange.problem(413, "Content Too Large", "body: SQS takes at most 256 KiB");
                } else {
                    String id = queues.send(queue, body, form.getOrDefault("group", ""));
                    exchange.json(200, WebConsole.message("sent message " + id + " to " + logicalId));
                }
            }
            case "purge" -> {
                queues.purge(queue);
                exchange.json(200, WebConsole.message("purged " + logicalId));
            }
            case "redrive" -> redrive(exchange, queue, form);
            default -> exchange.problem(404, "Not Found", "no queue action " + action);
        }
    }

    private void redrive(ConsoleExchange exchange, QueueSpec deadLetterQueue, Map<String, String> form)
            throws IOException {
        List<QueueSpec> sources = queues.sourcesOf(deadLetterQueue);
        QueueSpec target = sources.stream().filter(q -> q.logicalId().equals(form.getOrDefault("target", "")))
                .findFirst().orElse(sources.size() == 1 ? sources.get(0) : null);
        if (target == null) {
            exchange.problem(400, "Bad Request", sources.isEmpty() ? deadLetterQueue.logicalId()
                    + " is no queue's dead-letter queue" : "target: choose the queue to redrive to");
            return;
        }
        Set<String> chosen = null;
        if (!"all".equals(form.get("scope"))) {
            chosen = new HashSet<>(Arrays.asList(form.getOrDefault("id", "").split("\n")));
            chosen.remove("");
            if (chosen.isEmpty()) {
                exchange.problem(400, "Bad Request", "id: choose the messages to redrive, or redrive all");
                return;
            }
        }
        int moved = queues.redrive(deadLetterQueue, target, chosen);
        exchange.json(200, WebConsole.message("redrove " + moved + " message(s) from " + deadLetterQueue.logicalId()
                + " to " + target.logicalId()));
    }
}
