package dev.fnbundle.local.watch;

import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.local.UserFacingException;
import dev.fnbundle.local.function.FunctionPool;
import dev.fnbundle.local.function.TaskRoots;
import dev.fnbundle.local.observe.Recorder;
import dev.fnbundle.local.observe.ReloadEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code --watch}: watches the sources of the template's function modules and library modules
 * ({@code <module>/src/main}) and the template itself, and applies each batch of changes as it comes, one at a
 * time — the template first (it may add the functions the code is for), then the code ({@link CodeReload}). Every
 * reload, applied or refused, goes to the {@link Recorder}, which tells the console.
 */
public final class Watcher implements AutoCloseable {
    private final Stack stack;
    private final Recorder recorder;
    private final Path template;
    private final SourceWatcher files;
    private final CodeReload code;
    private final Thread thread;
    private volatile ProjectLayout layout;

    /** The running stack, as the watcher sees and changes it. */
    public interface Stack {
        StackModel model();

        Collection<FunctionPool> pools();

        /** Applies the template as it is on disk; {@code firstSeenNanos} is when its change was first seen. */
        ReloadEvent applyTemplate(long firstSeenNanos) throws InterruptedException;
    }

    private Watcher(Stack stack, Recorder recorder, Path template, SourceWatcher files, CodeReload code) {
        this.stack = stack;
        this.recorder = recorder;
        this.template = template;
        this.files = files;
        this.code = code;
        this.layout = ProjectLayout.of(stack.model());
        this.thread = Thread.ofPlatform().daemon().name("watch").start(this::run);
    }

    /**
     * Starts watching.
     *
     * @param info where to say what is watched
     * @throws UserFacingException when this JVM has no Java compiler (a JRE)
     */
    public static Watcher start(Stack stack, Path template, TaskRoots taskRoots, Path workDirectory,
                                Recorder recorder, Consumer<String> info) {
        var code = new CodeReload(taskRoots, workDirectory);
        if (!code.available()) {
            throw new UserFacingException("--watch compiles in the runtime's JVM, which needs a JDK, not a JRE");
        }
        var layout = ProjectLayout.of(stack.model());
        try {
            var files = new SourceWatcher(layout.modules().stream().map(ProjectLayout.Module::watched).toList(),
                    Set.of(template.toAbsolutePath().normalize()));
            info.accept("watching " + template.getFileName() + " and the sources of " + String.join(", ",
                    layout.modules().stream().map(ProjectLayout.Module::name).toList())
                    + ": a saved change is rebuilt and reloaded");
            return new Watcher(stack, recorder, template.toAbsolutePath().normalize(), files, code);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the sources", e);
        }
    }

    private void run() {
        try {
            SourceWatcher.Batch batch;
            while ((batch = files.next()) != null) {
                apply(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void apply(SourceWatcher.Batch batch) throws InterruptedException {
        try {
            if (batch.changed().contains(template)) {
                recorder.reload(stack.applyTemplate(batch.firstSeenNanos()));
                layout = ProjectLayout.of(stack.model());
            }
            var modules = CodeReload.modulesOf(batch.changed(), layout);
            if (!modules.isEmpty()) {
                recorder.reload(code.apply(modules, batch.changed(), layout, stack.pools(), batch.firstSeenNanos()));
            }
        } catch (RuntimeException e) {
            // One failed reload must not end watching: the next save gets its chance.
            recorder.reload(ReloadEvent.of(ReloadEvent.Kind.CODE, List.of(String.valueOf(e.getMessage())),
                    List.of(), false, (System.nanoTime() - batch.firstSeenNanos()) / 1e6,
                    "the reload failed: " + e));
        }
    }

    @Override
    public void close() throws IOException {
        files.close();
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        code.close();
    }
}
