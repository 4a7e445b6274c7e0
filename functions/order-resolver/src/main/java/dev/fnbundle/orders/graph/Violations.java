package dev.fnbundle.orders.graph;

import dev.fnbundle.common.validation.FieldError;
import dev.fnbundle.common.validation.InvalidFieldsException;
import java.util.ArrayList;
import java.util.List;

/** Collects field violations up to a cap, so one request reports many mistakes at once but bounded. */
final class Violations {
    private final List<FieldError> list = new ArrayList<>();
    private final int cap;
    private boolean truncated;

    Violations(int cap) {
        this.cap = cap;
    }

    void add(String field, String detail) {
        if (list.size() < cap) {
            list.add(new FieldError(field, detail));
        } else {
            truncated = true;
        }
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /** Whether the cap is reached and reading may stop. */
    boolean isFull() {
        return list.size() >= cap;
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidFieldsException(list, truncated || isFull());
        }
    }
}
