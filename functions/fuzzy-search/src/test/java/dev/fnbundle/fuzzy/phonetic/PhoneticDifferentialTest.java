package dev.fnbundle.fuzzy.phonetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnbundle.fuzzy.testing.PythonReference;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Every encoder against the transcription of jellyfish's Python code, on seeded random name-like texts. */
class PhoneticDifferentialTest {

    private static final String LETTERS = "aeiouybcdfghjklmnpqrstvwxzAEIOUKNGHSCTWPM  éçß-'0";

    private final PhoneticService service = new PhoneticService();

    @Test
    void every_encoder_gives_jellyfish_codes_for_random_names() {
        PythonReference.assumePython();
        Random random = new Random(7L);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            texts.add(randomName(random));
        }
        ObjectNode request = PythonReference.request();
        ArrayNode phonetic = request.putArray("phonetic");
        ArrayNode mra = request.putArray("mra");
        for (String text : texts) {
            for (PhoneticAlgorithm algorithm : PhoneticAlgorithm.values()) {
                phonetic.addObject().put("algorithm", algorithm.jellyfishName()).put("text", text);
            }
        }
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < texts.size(); i += 2) {
            String a = texts.get(i).replaceAll("[^\\p{L} ]", "") + "a";
            String b = texts.get(i + 1).replaceAll("[^\\p{L} ]", "") + "b";
            pairs.add(new String[] {a, b});
            mra.addObject().put("a", a).put("b", b);
        }
        JsonNode answer = PythonReference.call(request);

        List<String> mismatches = new ArrayList<>();
        int index = 0;
        for (String text : texts) {
            for (PhoneticAlgorithm algorithm : PhoneticAlgorithm.values()) {
                JsonNode expected = answer.get("phonetic").get(index++);
                String want = expected.has("error") ? "ValueError" : expected.get("code").asText();
                String got = encode(text, algorithm);
                if (!want.equals(got)) {
                    mismatches.add(algorithm + "(" + text + ") python=" + want + " java=" + got);
                }
            }
        }
        for (int i = 0; i < pairs.size(); i++) {
            String want = answer.get("mra").get(i).get("result").asText();
            MatchRatingResult.Outcome outcome = service.compareMatchRating(pairs.get(i)[0], pairs.get(i)[1]).outcome();
            String got = switch (outcome) {
                case MATCH -> "True";
                case NO_MATCH -> "False";
                case NOT_COMPARABLE -> "None";
            };
            if (!want.equals(got)) {
                mismatches.add("mra(" + pairs.get(i)[0] + ", " + pairs.get(i)[1] + ") python=" + want + " java=" + got);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private String encode(String text, PhoneticAlgorithm algorithm) {
        try {
            return service.encode(text, algorithm);
        } catch (PhoneticInputException e) {
            return "ValueError";
        }
    }

    private static String randomName(Random random) {
        int length = random.nextInt(12);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < length; i++) {
            name.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return name.toString();
    }
}
