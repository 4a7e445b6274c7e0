package dev.fnbundle.local.webconsole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.embedded.template.QueueSpec;
import dev.fnbundle.local.BundleRuntime;
import dev.fnbundle.local.observe.InvocationRecord;
import dev.fnbundle.local.observe.Trigger;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;

/** Queues: counts of every queue and its dead-letter queue; a queue's messages when it is a dead-letter queue. */
final class QueuesPage {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BundleRuntime stack;
    private final QueueOperations queues;

    QueuesPage(BundleRuntime stack, QueueOperations queues) {
        this.stack = stack;
        this.queues = queues;
    }

    Html list() {
        var rows = new ArrayList<Html>();
        for (QueueSpec queue : stack.model().queues().values()) {
            var counts = queues.counts(queue);
            QueueSpec deadLetters = queues.deadLetterQueueOf(queue);
            List<QueueSpec> sources = queues.sourcesOf(queue);
            Html role = deadLetters != null ? Html.of("redrives to {} after {} receives",
                    Views.link(Layout.ROOT + "queues/", deadLetters.logicalId(), Map.of(), deadLetters.logicalId()),
                    queue.maxReceiveCount())
                    : !sources.isEmpty() ? Html.of("{} of {}", Views.badge("dead-letter queue"),
                    Html.each(sources, s -> Html.of("{} ", s.logicalId())))
                    : Html.EMPTY;
            long dlqDepth = deadLetters == null ? -1 : queues.counts(deadLetters).visible();
            rows.add(Html.of("""
                    <tr><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td>\
                    <td class="num {}">{}</td><td>{}</td></tr>""",
                    Views.link(Layout.ROOT + "queues/", queue.logicalId(), Map.of(), queue.logicalId()),
                    counts.visible(), counts.inFlight(), counts.delayed(), dlqDepth > 0 ? "bad" : "",
                    dlqDepth < 0 ? "" : dlqDepth, role));
        }
        return Html.of("""
                <table class="grid"><thead><tr><th>Queue</th><th class="num">Messages</th>
                <th class="num">In flight</th><th class="num">Delayed</th><th class="num">DLQ depth</th>
                <th>Dead letters</th></tr></thead><tbody>{}</tbody></table>
                <p class="hint">Open a dead-letter queue to see its messages, redrive them or purge it.</p>""",
                Html.join(rows));
    }

    Html detail(QueueSpec queue) {
        var counts = queues.counts(queue);
        List<QueueSpec> sources = queues.sourcesOf(queue);
        Html messages = sources.isEmpty() ? Html.of("""
                <p class="hint">Messages of a queue that a function consumes are not listed here (looking would
                take them from the consumer); open its dead-letter queue instead.</p>""") : deadLetters(queue, sources);
        return Html.of("""
                <dl class="facts"><dt>Name</dt><dd><code>{}</code></dd><dt>URL</dt><dd><code>{}</code></dd>
                <dt>Messages</dt><dd>{} visible, {} in flight, {} delayed</dd>
                <dt>Visibility timeout</dt><dd>{} s</dd></dl>
                {}
                <div class="split">
                <section><h2>Send a message</h2>
                <form class="action" data-action="{}" method="post">
                <textarea name="body" rows="5" cols="60" required placeholder="message body"></textarea>
                {}<button type="submit">Send</button></form></section>
                <section><h2>Purge</h2><p>Deletes every message of this queue.</p>
                <form class="action" data-action="{}" data-confirm="Delete every message of {}?" method="post">
                <button type="submit" class="danger">Purge queue</button></form></section>
                </div>""", queue.name(), queue.url(), counts.visible(), counts.inFlight(), counts.delayed(),
                queue.visibilityTimeoutSeconds(), messages,
                Html.url(Layout.ROOT + "queues/", queue.logicalId(), "/send", Map.of()),
                queue.fifo() ? Html.of("<input name=\"group\" placeholder=\"message group id\">") : Html.EMPTY,
                Html.url(Layout.ROOT + "queues/", queue.logicalId(), "/purge", Map.of()), queue.logicalId());
    }

    private Html deadLetters(QueueSpec queue, List<QueueSpec> sources) {
        List<Message> messages = queues.peek(queue);
        var rows = new ArrayList<Html>();
        for (Message message : messages) {
            rows.add(Html.of("""
                    <tr><td><input type="checkbox" name="id" value="{}" aria-label="choose {}"></td>
                    <td><code>{}</code></td><td><pre class="body">{}</pre></td><td>{}</td><td class="num">{}</td>
                    <td>{}</td></tr>""", message.messageId(), message.messageId(), message.messageId(),
                    message.body(), attributes(message), message.attributes().getOrDefault(
                            software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName
                                    .APPROXIMATE_RECEIVE_COUNT, ""),
                    cause(sources, message.messageId())));
        }
        Html target = sources.size() == 1 ? Html.of("<input type=\"hidden\" name=\"target\" value=\"{}\">",
                sources.get(0).logicalId())
                : Html.of("<label>to {}</label>", InvocationsPage.select("target", "", sources.stream()
                        .map(QueueSpec::logicalId).toList()));
        return Html.of("""
                <h2>Messages ({} shown{})</h2>
                <form class="action" data-action="{}" method="post" id="redrive">
                {}
                <table class="grid messages"><thead><tr><th></th><th>Message id</th><th>Body</th><th>Attributes</th>
                <th class="num">Receives</th><th>Why it is here</th></tr></thead><tbody>{}</tbody></table>
                {}
                <div class="buttons"><button type="submit" name="scope" value="chosen">Redrive chosen to {}</button>
                <button type="submit" name="scope" value="all">Redrive all</button></div>
                </form>""", messages.size(), messages.size() >= QueueOperations.MAX_PEEK ? ", more wait" : "",
                Html.url(Layout.ROOT + "queues/", queue.logicalId(), "/redrive", Map.of()), target,
                Html.join(rows),
                messages.isEmpty() ? Views.empty("This dead-letter queue is empty.") : Html.EMPTY,
                sources.size() == 1 ? sources.get(0).logicalId() : "the source");
    }

    private static Html attributes(Message message) {
        var items = new ArrayList<Html>();
        message.messageAttributes().forEach((name, value) -> items.add(Html.of("<div><b>{}</b> = {}</div>", name,
                value.stringValue() != null ? value.stringValue() : "(" + value.dataType() + ")")));
        return Html.join(items);
    }

    /**
     * The last invocation that received the message and failed it: the error, or the function's report that it
     * failed that message; linked to the invocation's page.
     */
    private Html cause(List<QueueSpec> sources, String messageId) {
        List<InvocationRecord> records = stack.recorder().invocations();
        for (int i = records.size() - 1; i >= 0; i--) {
            InvocationRecord record = records.get(i);
            if (record.trigger().kind() != Trigger.Kind.QUEUE || record.event() == null
                    || !record.event().contains("\"messageId\":\"" + messageId + "\"")
                    || sources.stream().noneMatch(s -> record.trigger().detail().startsWith(s.name() + " x"))) {
                continue;
            }
            String why = record.succeeded() ? "reported as a batch item failure" : record.status() + " "
                    + (record.errorType() == null ? "" : record.errorType()) + errorMessage(record.response());
            return Html.of("{}: {}", Views.link(Layout.ROOT + "invocations/", record.requestId(), Map.of(),
                    record.function()), why);
        }
        return Html.of("<span class=\"muted\">no recorded invocation</span>");
    }

    private static String errorMessage(String response) {
        try {
            JsonNode document = MAPPER.readTree(response == null ? "" : response);
            String message = document == null ? "" : document.path("errorMessage").asText("");
            return message.isEmpty() ? "" : ": " + Views.cut(message, 300);
        } catch (IOException e) {
            return "";
        }
    }
}
