package dev.fnbundle.fuzzy;

import java.util.List;

/** The catalog import queue, as the API sees it: somewhere to put import messages built by {@link ImportMessages}. */
public interface ImportQueue {

    /** Sends each body as one message; throws when one cannot be sent. */
    void send(List<String> bodies);

    /** @return the queue's URL, which clients may also send import messages to */
    String url();
}
