package dev.fnbundle.configaudit.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/** What the INI reader's differential tests compare: random documents, and all a read gives back. */
final class IniReadings {
    private IniReadings() {
    }

    /**
     * Up to 29 of {@code lines}, each ended by {@code \n} (or, in one document of four, by {@code \n}, {@code \r\n}
     * or {@code \r} at random), and when {@code unbrokenLast} maybe one more without a break.
     */
    static String randomDocument(Random random, String[] lines, boolean unbrokenLast) {
        StringBuilder text = new StringBuilder();
        String[] breaks = random.nextInt(4) == 0 ? new String[] {"\n", "\r\n", "\r"} : new String[] {"\n"};
        for (int k = random.nextInt(30); k > 0; k--) {
            text.append(lines[random.nextInt(lines.length)]).append(breaks[random.nextInt(breaks.length)]);
        }
        if (unbrokenLast && random.nextBoolean()) {
            text.append(lines[random.nextInt(lines.length)]);
        }
        return text.toString();
    }

    /** Leaves in order with every field, spans, secret values; or the error's place and detail. */
    static Object outcome(Supplier<ParsedConfig> read) {
        try {
            ParsedConfig parsed = read.get();
            List<Object> leaves = new ArrayList<>();
            parsed.byPath().forEach((path, e) -> leaves.add(List.of(path, e.path(), e.name(), e.value(),
                    e.secret())));
            return List.of(leaves, parsed.secretSpans(), parsed.secretValues());
        } catch (ConfigParseException e) {
            return List.of("error", e.getMessage(), e.line(), e.column());
        }
    }
}
