package dev.fnbundle.configaudit.difflib;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded generator of config-like texts, their mutations and tricky character strings. */
public final class DiffCaseGenerator {
    private static final String[] KEYS = {"host", "port", "timeout", "workers", "password", "pool_size", "debug",
        "log_level", "retries", "path", "enabled", "name"};
    private static final String[] ODD_LINES = {"", "}", "    enabled = true", "# comment", "[section]"};
    private static final String[] ENDINGS = {"\n", "\n", "\n", "\n", "\r\n", "\r", "\u2028", "\f"};
    private static final String ALPHABET = "aabbbccd  xyz\u00e9\ud83d\ude00\t";

    private final Random random;

    public DiffCaseGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** A config-ish text of about {@code lines} lines; {@code repetitive} makes many lines popular. */
    public List<String> configLines(int lines, boolean repetitive) {
        List<String> out = new ArrayList<>();
        int section = 0;
        for (int i = 0; i < lines; i++) {
            int roll = random.nextInt(20);
            if (roll == 0) {
                out.add("[section" + section++ + "]");
            } else if (roll < (repetitive ? 9 : 2)) {
                out.add(ODD_LINES[random.nextInt(ODD_LINES.length)]);
            } else {
                out.add(KEYS[random.nextInt(KEYS.length)] + " = " + random.nextInt(repetitive ? 3 : 1000));
            }
        }
        return out;
    }

    /** Changes, deletes, inserts, duplicates and moves lines with probability about {@code rate} each. */
    public List<String> mutate(List<String> lines, double rate) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            double roll = random.nextDouble();
            if (roll < rate) {
                out.add(line + random.nextInt(10));
            } else if (roll < 2 * rate) {
                continue;
            } else if (roll < 3 * rate) {
                out.add(line);
                out.add(KEYS[random.nextInt(KEYS.length)] + " = new" + random.nextInt(100));
            } else if (roll < 3.5 * rate) {
                out.add(line);
                out.add(line);
            } else {
                out.add(line);
            }
        }
        if (out.size() > 10 && random.nextDouble() < 0.3) {
            int from = random.nextInt(out.size() - 5);
            List<String> block = new ArrayList<>(out.subList(from, from + 5));
            out.subList(from, from + 5).clear();
            out.addAll(random.nextInt(out.size() + 1), block);
        }
        return out;
    }

    /** Joins lines with mostly {@code \n}, sometimes other Python line breaks, sometimes no final newline. */
    public String join(List<String> lines, boolean oddEndings) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            sb.append(lines.get(i));
            boolean last = i == lines.size() - 1;
            if (!last || random.nextInt(4) != 0) {
                sb.append(oddEndings ? ENDINGS[random.nextInt(ENDINGS.length)] : "\n");
            }
        }
        return sb.toString();
    }

    /** A string over a small alphabet (with an astral code point) so ties and popular characters abound. */
    public String chars(int codePoints) {
        int[] cps = ALPHABET.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            sb.appendCodePoint(cps[random.nextInt(cps.length)]);
        }
        return sb.toString();
    }

    /** Edits a string at a few random code-point positions. */
    public String mutateChars(String s, int edits) {
        List<Integer> cps = new ArrayList<>(s.codePoints().boxed().toList());
        for (int e = 0; e < edits; e++) {
            int pos = cps.isEmpty() ? 0 : random.nextInt(cps.size());
            switch (random.nextInt(3)) {
                case 0 -> cps.add(pos, (int) 'q');
                case 1 -> {
                    if (!cps.isEmpty()) {
                        cps.remove(pos);
                    }
                }
                default -> {
                    if (!cps.isEmpty()) {
                        cps.set(pos, (int) 'w');
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        cps.forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** A fair coin from the same seeded stream. */
    public boolean coin() {
        return random.nextBoolean();
    }

    /** An int in [0, bound) from the same seeded stream. */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
