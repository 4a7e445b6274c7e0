package dev.fnbundle.rss.testing;

import dev.fnbundle.rss.ingest.FetchTask;
import dev.fnbundle.rss.ingest.TaskQueue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what was queued, with the delay asked for. */
public final class RecordingTaskQueue implements TaskQueue {
    /** A queued task and its delivery delay. */
    public record Sent(FetchTask task, Duration delay) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(List<FetchTask> tasks) {
        tasks.forEach(task -> sent.add(new Sent(task, Duration.ZERO)));
    }

    @Override
    public void sendLater(FetchTask task, Duration delay) {
        sent.add(new Sent(task, delay));
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }
}
