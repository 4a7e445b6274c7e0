package dev.fnbundle.bench.rss;

import dev.fnbundle.bench.report.Python;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Finds a python3 that can import feedparser, the library Python users actually parse feeds with. PyPI is not
 * reachable here, so it comes from Debian's {@code python3-feedparser} (installed with apt-get when missing and
 * the run is root), which targets Debian's own python3; the python3 on PATH imports it through
 * {@code PYTHONPATH} when both are the same minor version, else Debian's interpreter runs it.
 */
final class FeedparserLocator {
    static final String DEBIAN_PACKAGES = "/usr/lib/python3/dist-packages";

    /** The interpreter and how it was found. */
    record Found(Python python, String how) {
    }

    private FeedparserLocator() {
    }

    /** An interpreter with feedparser, or null when none can be had (the report then skips the column). */
    static Found locate() {
        Found found = probe();
        if (found == null && installed()) {
            found = probe();
        }
        return found;
    }

    private static Found probe() {
        if (Python.onPath().has("feedparser")) {
            return new Found(Python.onPath(), "python3 on PATH");
        }
        Python withDebian = new Python("python3", DEBIAN_PACKAGES);
        if (withDebian.has("feedparser")) {
            return new Found(withDebian, "python3 on PATH with PYTHONPATH=" + DEBIAN_PACKAGES
                    + " (Debian's python3-feedparser)");
        }
        Python debian = new Python("/usr/bin/python3", null);
        if (Files.isExecutable(Path.of("/usr/bin/python3")) && debian.has("feedparser")) {
            return new Found(debian, "Debian's /usr/bin/python3 (python3-feedparser)");
        }
        return null;
    }

    private static boolean installed() {
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get")) || !"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        try {
            System.out.println("feedparser missing: apt-get install -y python3-feedparser");
            Process apt = new ProcessBuilder("apt-get", "install", "-y", "-q", "python3-feedparser")
                    .inheritIO().start();
            return apt.waitFor(10, TimeUnit.MINUTES) && apt.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
