package dev.fnbundle.fuzzy.phonetic;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Western Airlines match rating approach as jellyfish computes it. The codex upper-cases the text, ignores
 * spaces, keeps the first letter and every consonant not equal to the previous letter, and keeps only the first and
 * last three letters of a longer result. The comparison needs codices whose lengths differ by less than 3, strips the
 * common characters position by position from the left and then from the right, and matches when
 * {@code 6 - unmatched >= minimum rating} (5, 4, 3 or 2 as the summed codex length is at most 4, 7, 11 or more).
 */
final class MatchRatingApproach {

    private MatchRatingApproach() {
    }

    static String codex(String field, String text) {
        int[] s = text.toUpperCase(Locale.ROOT).replace(" ", "").codePoints().toArray();
        if (s.length == 0 || !Arrays.stream(s).allMatch(Character::isLetter)) {
            throw new PhoneticInputException(PhoneticAlgorithm.MATCH_RATING_CODEX.jellyfishName(), field,
                    "needs at least one letter and nothing but letters and spaces");
        }
        List<Integer> codex = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            int c = s[i];
            if (i == 0 || !isVowel(c) && c != s[i - 1]) {
                codex.add(c);
            }
        }
        if (codex.size() > 6) {
            List<Integer> ends = new ArrayList<>(codex.subList(0, 3));
            ends.addAll(codex.subList(codex.size() - 3, codex.size()));
            codex = ends;
        }
        StringBuilder result = new StringBuilder();
        codex.forEach(result::appendCodePoint);
        return result.toString();
    }

    static MatchRatingResult compare(String first, String second) {
        String codex1 = codex("a", first);
        String codex2 = codex("b", second);
        int[] x = codex1.codePoints().toArray();
        int[] y = codex2.codePoints().toArray();
        if (Math.abs(x.length - y.length) >= 3) {
            return new MatchRatingResult(codex1, codex2, MatchRatingResult.Outcome.NOT_COMPARABLE, 0, 0);
        }
        int sum = x.length + y.length;
        int minimumRating = sum <= 4 ? 5 : sum <= 7 ? 4 : sum <= 11 ? 3 : 2;
        List<Integer> left1 = new ArrayList<>();
        List<Integer> left2 = new ArrayList<>();
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c1 = i < x.length ? x[i] : -1;
            int c2 = i < y.length ? y[i] : -1;
            if (c1 != c2) {
                addPresent(left1, c1);
                addPresent(left2, c2);
            }
        }
        int unmatched1 = 0;
        int unmatched2 = 0;
        for (int i = 0; i < Math.max(left1.size(), left2.size()); i++) {
            int c1 = i < left1.size() ? left1.get(left1.size() - 1 - i) : -1;
            int c2 = i < left2.size() ? left2.get(left2.size() - 1 - i) : -1;
            if (c1 != c2) {
                unmatched1 += c1 >= 0 ? 1 : 0;
                unmatched2 += c2 >= 0 ? 1 : 0;
            }
        }
        int rating = 6 - Math.max(unmatched1, unmatched2);
        MatchRatingResult.Outcome outcome = rating >= minimumRating
                ? MatchRatingResult.Outcome.MATCH : MatchRatingResult.Outcome.NO_MATCH;
        return new MatchRatingResult(codex1, codex2, outcome, rating, minimumRating);
    }

    private static void addPresent(List<Integer> list, int codePoint) {
        if (codePoint >= 0) {
            list.add(codePoint);
        }
    }

    private static boolean isVowel(int codePoint) {
        return codePoint == 'A' || codePoint == 'E' || codePoint == 'I' || codePoint == 'O' || codePoint == 'U';
    }
}
