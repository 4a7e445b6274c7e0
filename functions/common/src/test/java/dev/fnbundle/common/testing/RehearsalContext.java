package dev.fnbundle.common.testing;

import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Resource;

/**
 * A CRaC context that plays Lambda's part in SnapStart for a test: it keeps what is registered with it, and
 * {@link #checkpoint()} and {@link #restore()} call each resource's hooks as Lambda does around the snapshot.
 */
public final class RehearsalContext extends Context<Resource> {
    private final List<Resource> resources = new ArrayList<>();

    @Override
    public void register(Resource resource) {
        resources.add(resource);
    }

    public List<Resource> registered() {
        return List.copyOf(resources);
    }

    /** Before the snapshot: every resource's beforeCheckpoint, in registration order. */
    public void checkpoint() throws Exception {
        for (Resource resource : resources) {
            resource.beforeCheckpoint(this);
        }
    }

    /** After a restore: every resource's afterRestore, in registration order. */
    public void restore() throws Exception {
        for (Resource resource : resources) {
            resource.afterRestore(this);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws org.crac.CheckpointException {
        try {
            checkpoint();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) throws org.crac.RestoreException {
        try {
            restore();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
