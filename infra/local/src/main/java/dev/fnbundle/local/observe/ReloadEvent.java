package dev.fnbundle.local.observe;

import java.time.Instant;
import java.util.List;

/**
 * The runtime applied (or refused) a change while running: new code of some functions ({@code --watch} saw their
 * sources change and rebuilt them) or a changed template.
 *
 * @param kind           what changed
 * @param changed        the modules rebuilt (CODE) or the template's file name (TEMPLATE)
 * @param functions      the functions whose instances were replaced, started or stopped
 * @param succeeded      false when the change was refused (a compile error, a template that does not resolve):
 *                       the old code and template keep serving
 * @param durationMillis from the first file change seen to the first new instance ready (or the refusal)
 * @param detail         what was done, or the compiler's or template's error; never null
 */
public record ReloadEvent(long sequence, Instant time, Kind kind, List<String> changed, List<String> functions,
                          boolean succeeded, double durationMillis, String detail) {
    /** What a reload was about. */
    public enum Kind { CODE, TEMPLATE }

    public ReloadEvent {
        changed = List.copyOf(changed);
        functions = List.copyOf(functions);
    }

    public static ReloadEvent of(Kind kind, List<String> changed, List<String> functions, boolean succeeded,
                                 double durationMillis, String detail) {
        return new ReloadEvent(0, Instant.now(), kind, changed, functions, succeeded, durationMillis, detail);
    }

    ReloadEvent withSequence(long number) {
        return new ReloadEvent(number, time, kind, changed, functions, succeeded, durationMillis, detail);
    }
}
