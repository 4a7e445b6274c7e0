package dev.fnbundle.email.poll;

/** Delays the next delivery of a failed poll task, longer after each failed receive. */
public interface RetryBackoff {
    /** The longest wait: SQS allows 12 hours, but a mailbox should not wait longer than a few schedule runs. */
    int MAX_DELAY_SECONDS = 900;

    /**
     * Postpones the task; never throws (the task fails either way).
     *
     * @param receiptHandle the handle of this receive
     * @param receiveCount  how often the task has been received, this time included (1 on the first)
     */
    void postpone(String receiptHandle, int receiveCount);

    /**
     * The wait after the {@code receiveCount}-th failed receive: {@code base * 2^(receiveCount - 1)}, at most
     * {@value #MAX_DELAY_SECONDS} s. With base 30: 30, 60, 120, 240 s, then the dead-letter queue.
     *
     * @return seconds, 0 to {@value #MAX_DELAY_SECONDS}
     */
    static int delaySeconds(int baseSeconds, int receiveCount) {
        int doublings = Math.min(Math.max(receiveCount, 1) - 1, 20);
        long delay = (long) Math.max(baseSeconds, 0) << doublings;
        return (int) Math.min(delay, MAX_DELAY_SECONDS);
    }
}
