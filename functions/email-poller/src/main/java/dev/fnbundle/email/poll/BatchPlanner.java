package dev.fnbundle.email.poll;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits candidates (ascending by UID) into fetch batches bounded by count and bytes, keeping UID order so the
 * checkpoint can advance batch by batch. Messages over the size cap count as nothing: only headers are fetched.
 */
final class BatchPlanner {
    private BatchPlanner() {
    }

    static List<List<MessageMeta>> plan(List<MessageMeta> candidates, PollSettings settings) {
        long cap = settings.parserLimits().maxMessageBytes();
        List<List<MessageMeta>> batches = new ArrayList<>();
        List<MessageMeta> current = new ArrayList<>();
        long bytes = 0;
        for (MessageMeta meta : candidates) {
            long size = meta.sizeBytes() > cap ? 0 : meta.sizeBytes();
            boolean full = current.size() >= settings.batchSize() || bytes + size > settings.batchBytes();
            if (!current.isEmpty() && full) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(meta);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
