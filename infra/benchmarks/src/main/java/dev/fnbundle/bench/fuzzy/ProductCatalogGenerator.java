package dev.fnbundle.bench.fuzzy;

import dev.fnbundle.fuzzy.search.CatalogItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Seeded product-like titles (brand, adjectives, noun, model number, colour, size) and typo'd queries. */
final class ProductCatalogGenerator {

    private static final String[] BRANDS = {"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Wonka",
        "Stark", "Wayne", "Tyrell", "Cyberdyne", "Soylent", "Aperture", "Black Mesa", "Oscorp", "Massive Dynamic",
        "Pied Piper", "Gringotts", "Monarch", "Nakatomi", "Duff", "Krusty", "Zorg", "Virtucon", "Gekko", "Bluth",
        "Dunder Mifflin", "Sterling Cooper", "Prestige", "Wernham Hogg", "Kwik-E", "Ollivander", "Sirius",
        "Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Adatum", "Proseware"};
    private static final String[] ADJECTIVES = {"Wireless", "Portable", "Ultra", "Slim", "Pro", "Compact",
        "Ergonomic", "Smart", "Rechargeable", "Waterproof", "Heavy-Duty", "Premium", "Mini", "Foldable", "Digital",
        "Bluetooth", "Noise-Cancelling", "Adjustable", "Stainless", "Lightweight", "Gaming", "Mechanical",
        "Ceramic", "Cordless", "Magnetic", "Solar", "Vintage", "Modular", "Insulated", "Ultralight"};
    private static final String[] NOUNS = {"Headphones", "Speaker", "Keyboard", "Mouse", "Monitor", "Laptop Stand",
        "Charger", "Power Bank", "Backpack", "Water Bottle", "Desk Lamp", "Webcam", "Microphone", "Router",
        "Smartwatch", "Fitness Tracker", "Tablet Case", "Phone Case", "USB Hub", "SSD Drive", "Blender",
        "Coffee Grinder", "Kettle", "Toaster", "Air Fryer", "Vacuum Cleaner", "Drill", "Screwdriver Set",
        "Flashlight", "Tent", "Sleeping Bag", "Yoga Mat", "Dumbbells", "Running Shoes", "Sunglasses", "Wallet",
        "Office Chair", "Standing Desk", "Printer", "Projector", "Soundbar", "Earbuds", "Camera Tripod", "Drone",
        "E-Reader", "Electric Toothbrush", "Hair Dryer", "Thermostat", "Doorbell Camera", "Smart Plug"};
    private static final String[] COLOURS = {"Black", "White", "Silver", "Space Gray", "Navy", "Red", "Forest Green",
        "Rose Gold", "Midnight Blue", "Graphite", "Sand", "Orange"};
    private static final String[] SIZES = {"S", "M", "L", "XL", "64GB", "128GB", "256GB", "1TB", "10000mAh",
        "20000mAh", "1.5L", "2L", "27 inch", "32 inch", "15.6 inch"};

    private final Random random;

    ProductCatalogGenerator(long seed) {
        this.random = new Random(seed);
    }

    List<CatalogItem> catalog(int size) {
        List<CatalogItem> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            items.add(new CatalogItem("sku-" + i, title()));
        }
        return items;
    }

    private String title() {
        StringBuilder title = new StringBuilder(pick(BRANDS)).append(' ');
        if (random.nextInt(3) > 0) {
            title.append(pick(ADJECTIVES)).append(' ');
        }
        if (random.nextInt(4) == 0) {
            title.append(pick(ADJECTIVES)).append(' ');
        }
        title.append(pick(NOUNS)).append(' ').append(model());
        if (random.nextBoolean()) {
            title.append(", ").append(pick(COLOURS));
        }
        if (random.nextInt(3) == 0) {
            title.append(' ').append(pick(SIZES));
        }
        return title.toString();
    }

    private String model() {
        String letters = "ABCDEFGHJKLMNPRSTVWXZ";
        StringBuilder model = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(2); i++) {
            model.append(letters.charAt(random.nextInt(letters.length())));
        }
        if (random.nextBoolean()) {
            model.append('-');
        }
        return model.append(100 + random.nextInt(9900)).toString();
    }

    /** A catalog title, lower-cased half of the time, sometimes without its tail, with one to three typos. */
    String query(List<CatalogItem> items) {
        String text = items.get(random.nextInt(items.size())).text();
        if (random.nextBoolean()) {
            text = text.toLowerCase(Locale.ROOT);
        }
        if (random.nextInt(3) == 0 && text.indexOf(',') > 0) {
            text = text.substring(0, text.indexOf(','));
        }
        StringBuilder query = new StringBuilder(text);
        int typos = 1 + random.nextInt(3);
        for (int t = 0; t < typos && query.length() > 4; t++) {
            int at = 1 + random.nextInt(query.length() - 2);
            switch (random.nextInt(3)) {
                case 0 -> query.deleteCharAt(at);
                case 1 -> {
                    char c = query.charAt(at);
                    query.setCharAt(at, query.charAt(at + 1));
                    query.setCharAt(at + 1, c);
                }
                default -> query.setCharAt(at, (char) ('a' + random.nextInt(26)));
            }
        }
        return query.toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
