package dev.fnbundle.email.registry;

import java.util.List;

/** The queue the poller consumes (SQS in AWS). */
public interface PollTaskQueue {

    /**
     * Queues tasks; returns only when every one was accepted.
     *
     * @param tasks never null
     * @throws RuntimeException when any task could not be queued
     */
    void enqueue(List<PollTask> tasks);
}
