package dev.fnbundle.email.invoice;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tutorial's baseline, kept verbatim for comparison: {@code re.search(r'\$[\d,]+\.\d{2}', body)} and its
 * first match as written (for example {@code $1,234.50}); the seed prints {@code Unknown} when nothing matches.
 * Thread-safe.
 */
public final class SeedAmountRule {
    /** The seed's pattern; Java's {@code \d} is ASCII-only, so use the flag that matches Python's str regex. */
    private static final Pattern SEED = Pattern.compile("\\$[\\d,]+\\.\\d{2}", Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * The first match of the seed's pattern.
     *
     * @param body the text body; null is treated as empty
     * @return the matched text exactly as in the body, or empty when the seed would print {@code Unknown}
     */
    public Optional<String> firstMatch(String body) {
        if (body == null) {
            return Optional.empty();
        }
        Matcher matcher = SEED.matcher(body);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }
}
