package dev.fnbundle.fuzzy.search;

/**
 * The catalog's items: ids and texts as given, and the lower-cased texts as dense character ids packed in one array
 * of bytes, chars or ints (the narrowest that holds the alphabet) with offsets, so 100 000 titles cost a few MB.
 */
final class ItemStore {

    private final String[] ids;
    private final String[] texts;
    private final Alphabet alphabet;
    private final int[] offsets;
    private final byte[] bytes;
    private final char[] chars;
    private final int[] ints;
    private final int maxLength;
    private final int minLength;

    ItemStore(String[] ids, String[] texts, int[][] lowered) {
        this.ids = ids;
        this.texts = texts;
        this.alphabet = Alphabet.of(lowered);
        this.offsets = new int[lowered.length + 1];
        int max = 0;
        int min = lowered.length == 0 ? 0 : Integer.MAX_VALUE;
        for (int i = 0; i < lowered.length; i++) {
            offsets[i + 1] = offsets[i] + lowered[i].length;
            max = Math.max(max, lowered[i].length);
            min = Math.min(min, lowered[i].length);
        }
        this.maxLength = max;
        this.minLength = min;
        int total = offsets[lowered.length];
        int size = alphabet.size();
        this.bytes = size <= 256 ? new byte[total] : null;
        this.chars = size > 256 && size <= 65_536 ? new char[total] : null;
        this.ints = size > 65_536 ? new int[total] : null;
        for (int i = 0; i < lowered.length; i++) {
            for (int k = 0; k < lowered[i].length; k++) {
                put(offsets[i] + k, alphabet.idOf(lowered[i][k]));
            }
        }
    }

    private void put(int at, int id) {
        if (bytes != null) {
            bytes[at] = (byte) id;
        } else if (chars != null) {
            chars[at] = (char) id;
        } else {
            ints[at] = id;
        }
    }

    int size() {
        return ids.length;
    }

    String id(int position) {
        return ids[position];
    }

    String text(int position) {
        return texts[position];
    }

    Alphabet alphabet() {
        return alphabet;
    }

    int length(int position) {
        return offsets[position + 1] - offsets[position];
    }

    int maxLength() {
        return maxLength;
    }

    int minLength() {
        return minLength;
    }

    /** @return the dense id of the {@code k}-th lower-cased code point of an item */
    int charAt(int position, int k) {
        int at = offsets[position] + k;
        if (bytes != null) {
            return bytes[at] & 0xff;
        }
        return chars != null ? chars[at] : ints[at];
    }

    /**
     * Copies an item's dense ids into {@code target}.
     *
     * @return the item's length
     */
    int copy(int position, int[] target) {
        int from = offsets[position];
        int length = offsets[position + 1] - from;
        if (bytes != null) {
            for (int k = 0; k < length; k++) {
                target[k] = bytes[from + k] & 0xff;
            }
        } else if (chars != null) {
            for (int k = 0; k < length; k++) {
                target[k] = chars[from + k];
            }
        } else {
            System.arraycopy(ints, from, target, 0, length);
        }
        return length;
    }
}
