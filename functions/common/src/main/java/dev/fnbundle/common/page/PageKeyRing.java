package dev.fnbundle.common.page;

import java.util.List;
import java.util.Optional;

/**
 * The keys of one deployment's page tokens: the current key signs new tokens; the previous ones (newest first) still
 * verify the tokens they signed, so rotating the key does not break a client paging through a list.
 */
public record PageKeyRing(PageKey current, List<PageKey> previous) {
    public PageKeyRing {
        previous = List.copyOf(previous);
    }

    /** The key with this id, current or previous. */
    public Optional<PageKey> find(String id) {
        if (current.id().equals(id)) {
            return Optional.of(current);
        }
        return previous.stream().filter(key -> key.id().equals(id)).findFirst();
    }
}
