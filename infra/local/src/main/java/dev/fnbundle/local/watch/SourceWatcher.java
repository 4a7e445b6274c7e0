package dev.fnbundle.local.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches source trees (recursively, new folders included) and single files, and hands over what changed in
 * batches: an editor saving writes a file in several steps (a temporary file, a rename, a second write), and a
 * "save all" touches many, so a batch closes only once nothing changed for {@link #QUIET_MILLIS} (or
 * {@link #MAX_BATCH_MILLIS} after its first change, for a stream that never pauses). Editors' own files (swap
 * files, backups) are not changes. Not thread-safe: one thread calls {@link #next}.
 */
final class SourceWatcher implements AutoCloseable {
    static final long QUIET_MILLIS = 150;
    static final long MAX_BATCH_MILLIS = 2_000;

    private final WatchService service;
    private final Map<WatchKey, Path> directories = new HashMap<>();
    private final Set<Path> files;
    private final List<Path> trees;

    /** The files that changed, and when the first change was seen ({@link System#nanoTime}). */
    record Batch(Set<Path> changed, long firstSeenNanos) {
    }

    /**
     * @param trees folders watched with everything under them (missing ones are skipped)
     * @param files single files watched (their folder is watched, its other files ignored)
     */
    SourceWatcher(List<Path> trees, Set<Path> files) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.files = Set.copyOf(files);
        this.trees = List.copyOf(trees);
        for (Path tree : trees) {
            registerTree(tree);
        }
        for (Path file : files) {
            register(file.getParent());
        }
    }

    /** Waits for the next batch of changes; null once closed. */
    Batch next() throws InterruptedException {
        var changed = new LinkedHashSet<Path>();
        long first = 0;
        while (true) {
            WatchKey key;
            try {
                if (changed.isEmpty()) {
                    key = service.take();
                } else {
                    long left = Math.min(QUIET_MILLIS,
                            MAX_BATCH_MILLIS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - first));
                    key = left <= 0 ? null : service.poll(left, TimeUnit.MILLISECONDS);
                    if (key == null) {
                        return new Batch(Set.copyOf(changed), first);
                    }
                }
            } catch (ClosedWatchServiceException e) {
                return null;
            }
            boolean any = collect(key, changed);
            if (any && first == 0) {
                first = System.nanoTime();
            }
        }
    }

    private boolean collect(WatchKey key, Set<Path> changed) {
        Path directory = directories.get(key);
        boolean any = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (directory == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
                // Too many events to tell which: treat the whole folder as changed.
                if (directory != null) {
                    any |= changed.add(directory);
                }
                continue;
            }
            Path path = directory.resolve((Path) event.context());
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                registerTree(path);
                any |= changed.add(path);
            } else if (matters(path)) {
                any |= changed.add(path);
            }
        }
        if (!key.reset()) {
            directories.remove(key);
        }
        return any;
    }

    /** A watched file, or a file of a watched tree that is not an editor's own. */
    private boolean matters(Path path) {
        return files.contains(path) || trees.stream().anyMatch(path::startsWith) && isTreeFile(path);
    }

    private static boolean isTreeFile(Path path) {
        String name = path.getFileName().toString();
        return !(name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx") || name.startsWith(".#")
                || name.startsWith("#") || name.equals("4913") || name.endsWith(".tmp") || name.equals(".DS_Store"));
    }

    private void registerTree(Path tree) {
        if (!Files.isDirectory(tree)) {
            return;
        }
        try (Stream<Path> folders = Files.walk(tree)) {
            folders.filter(Files::isDirectory).forEach(this::register);
        } catch (IOException e) {
            // a folder removed while walking: nothing to watch in it
        }
    }

    private void register(Path directory) {
        try {
            WatchKey key = directory.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            directories.put(key, directory);
        } catch (IOException e) {
            // gone already
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
