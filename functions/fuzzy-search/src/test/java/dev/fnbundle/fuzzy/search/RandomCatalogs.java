package dev.fnbundle.fuzzy.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random catalogs and queries for equivalence tests: short vocabularies so that scores tie often. */
public final class RandomCatalogs {

    private static final String[] WORDS = {"pro", "max", "mini", "ultra", "smart", "phone", "watch", "case", "usb",
        "cable", "wireless", "charger", "café", "日本", "😀", "x200", "x300", "a", "ab", "ba"};

    private RandomCatalogs() {
    }

    public static List<CatalogItem> catalog(Random random, int size) {
        List<CatalogItem> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String text = random.nextInt(25) == 0 && i > 0 ? items.get(random.nextInt(i)).text() : phrase(random);
            items.add(new CatalogItem("item-" + i, random.nextInt(60) == 0 ? "" : text));
        }
        return items;
    }

    static String phrase(Random random) {
        int words = 1 + random.nextInt(4);
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                text.append(' ');
            }
            String word = WORDS[random.nextInt(WORDS.length)];
            text.append(random.nextBoolean() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return text.toString();
    }

    /** A phrase with a typo (deletion, swap or substitution) half of the time. */
    public static String query(Random random) {
        String phrase = phrase(random);
        if (phrase.length() < 3 || random.nextBoolean()) {
            return phrase;
        }
        StringBuilder typo = new StringBuilder(phrase);
        int at = 1 + random.nextInt(phrase.length() - 2);
        switch (random.nextInt(3)) {
            case 0 -> typo.deleteCharAt(at);
            case 1 -> {
                char c = typo.charAt(at);
                typo.setCharAt(at, typo.charAt(at + 1));
                typo.setCharAt(at + 1, c);
            }
            default -> typo.setCharAt(at, (char) ('a' + random.nextInt(26)));
        }
        String result = typo.toString();
        // A typo inside an emoji would leave half a surrogate pair, which Python's JSON cannot carry.
        return result.isBlank() || result.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)
                ? phrase : result;
    }

    /** Product titles: brand, optional adjective, noun and a four-digit model number. */
    static List<CatalogItem> productCatalog(Random random, int size) {
        String[] brands = {"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Wonka", "Stark"};
        String[] adjectives = {"Wireless", "Portable", "Ultra", "Slim", "Pro", "Compact", ""};
        String[] nouns = {"laptop", "monitor", "keyboard", "headphones", "speaker", "router", "camera", "drone"};
        List<CatalogItem> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            items.add(new CatalogItem("p" + i, brands[random.nextInt(brands.length)] + " "
                    + adjectives[random.nextInt(adjectives.length)] + " " + nouns[random.nextInt(nouns.length)]
                    + " model " + (1000 + random.nextInt(9000))));
        }
        return items;
    }

    static List<String> texts(List<CatalogItem> items) {
        return items.stream().map(CatalogItem::text).toList();
    }
}
