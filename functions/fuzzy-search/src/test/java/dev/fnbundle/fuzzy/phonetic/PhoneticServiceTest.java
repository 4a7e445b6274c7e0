package dev.fnbundle.fuzzy.phonetic;

import dev.fnbundle.fuzzy.input.InputTooLongException;
import dev.fnbundle.fuzzy.input.UnknownAlgorithmException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Classic examples, and the rows of jellyfish's own test data (testdata/*.csv), which its Python and Rust
 * implementations both pass.
 */
class PhoneticServiceTest {

    private final PhoneticService service = new PhoneticService();

    @ParameterizedTest(name = "{0}: soundex {1}, metaphone {2}, nysiis {3}, mra {4}")
    @CsvSource({
        "Smith,     S530, SM0,   SNAT,    SMTH",
        "Smyth,     S530, SM0,   SNYT,    SMYTH",
        "Cathy,     C300, K0,    CATY,    CTHY",
        "Kathy,     K300, K0,    CATY,    KTHY",
        "Robert,    R163, RBRT,  RABAD,   RBRT",
        "Rupert,    R163, RPRT,  RAPAD,   RPRT",
        "Tymczak,   T522, TMKSK, TYNCSAC, TYMCZK",
        "Pfister,   P236, PFSTR, FASTAR,  PFSTR",
        "Knight,    K523, NT,    NAGT,    KNGHT",
        "Thompson,  T512, 0MPSN, TANPSAN, THMPSN",
        "Ashcroft,  A261, AXKRFT, ASCRAFT, ASHRFT",
    })
    void classic_names_get_their_reference_codes(String name, String soundex, String metaphone, String nysiis,
                                                 String matchRating) {
        assertThat(service.encode(name, PhoneticAlgorithm.SOUNDEX)).isEqualTo(soundex);
        assertThat(service.encode(name, PhoneticAlgorithm.METAPHONE)).isEqualTo(metaphone);
        assertThat(service.encode(name, PhoneticAlgorithm.NYSIIS)).isEqualTo(nysiis);
        assertThat(service.encode(name, PhoneticAlgorithm.MATCH_RATING_CODEX)).isEqualTo(matchRating);
    }

    @Test
    void sound_alike_names_of_the_seed_share_codes_where_the_algorithm_ignores_the_first_letter() {
        assertThat(service.encode("Smith", PhoneticAlgorithm.SOUNDEX))
                .isEqualTo(service.encode("Smyth", PhoneticAlgorithm.SOUNDEX));
        assertThat(service.encode("Cathy", PhoneticAlgorithm.METAPHONE))
                .isEqualTo(service.encode("Kathy", PhoneticAlgorithm.METAPHONE));
        assertThat(service.encode("Cathy", PhoneticAlgorithm.NYSIIS))
                .isEqualTo(service.encode("Kathy", PhoneticAlgorithm.NYSIIS));
        assertThat(service.encode("Cathy", PhoneticAlgorithm.SOUNDEX)).isNotEqualTo(
                service.encode("Kathy", PhoneticAlgorithm.SOUNDEX));
    }

    @ParameterizedTest(name = "soundex({0}) = {1}")
    @CsvSource(textBlock = """
        Washington,W252
        Lee,L000
        Gutierrez,G362
        Jackson,J250
        A,A000
        Çáŕẗéř,C636
        ¿,¿000
        '',''
        """)
    void soundex_matches_jellyfish_test_data(String text, String code) {
        assertThat(service.encode(text, PhoneticAlgorithm.SOUNDEX)).isEqualTo(code);
    }

    @ParameterizedTest(name = "metaphone({0}) = {1}")
    @CsvSource(textBlock = """
        DGIB,JB
        metaphone,MTFN
        wHErE,WR
        shell,XL
        this is a difficult string,0S IS A TFKLT STRNK
        aeromancy,ERMNS
        Antidisestablishmentarianism,ANTTSSTBLXMNTRNSM
        sunlight labs,SNLT LBS
        sonlite laabz,SNLT LBS
        Çáŕẗéř,KRTR
        KENTUCKY,KNTK
        NXNXNX,NKSNKSNKS
        Aapti,PT
        CIAB,XB
        sian,XN
        gek,JK
        Tiavyi,XFY
        Xhot,XHT
        Xnot,SNT
        g,K
        8 queens,KNS
        WH,W
        whynot,WNT
        acceptingness,AKSPTNKNS
        """)
    void metaphone_matches_jellyfish_test_data(String text, String code) {
        assertThat(service.encode(text, PhoneticAlgorithm.METAPHONE)).isEqualTo(code);
    }

    @ParameterizedTest(name = "nysiis({0}) = {1}")
    @CsvSource(textBlock = """
        Worthy,WARTY
        Ogata,OGAT
        montgomery,MANTGANARY
        Costales,CASTAL
        Tu,T
        martincevic,MARTANCAFAC
        Catherine,CATARAN
        Katherine,CATARAN
        Katerina,CATARAN
        Johnathan,JANATAN
        Jessica,JASAC
        Joshua,JAS
        Bosch,BAS
        Lapher,LAFAR
        wiyh,WY
        MacArthur,MCARTAR
        Pheenard,FANAD
        Schmittie,SNATY
        Knaqze,NAGS
        Knokno,NAN
        Macaw,MC
        K,C
        PFEISTER,FASTAR
        SARAH,SAR
        ç,Ç
        """)
    void nysiis_matches_jellyfish_test_data(String text, String code) {
        assertThat(service.encode(text, PhoneticAlgorithm.NYSIIS)).isEqualTo(code);
    }

    @ParameterizedTest(name = "match_rating_codex({0}) = {1}")
    @CsvSource(textBlock = """
        Byrne,BYRN
        Boern,BRN
        Catherine,CTHRN
        Kathryn,KTHRYN
        Kathrynoglin,KTHGLN
        Ad,AD
        William,WLM
        ä,Ä
        Frédéric,FRÉÉRC
        """)
    void match_rating_codex_matches_jellyfish_test_data(String text, String code) {
        assertThat(service.encode(text, PhoneticAlgorithm.MATCH_RATING_CODEX)).isEqualTo(code);
    }

    @ParameterizedTest(name = "match_rating_comparison({0}, {1}) = {2}")
    @CsvSource({
        "Bryne,        Boern,     MATCH",
        "Smith,        Smyth,     MATCH",
        "Catherine,    Kathryn,   MATCH",
        "Michael,      Mike,      NO_MATCH",
        "Tim,          Timothy,   NOT_COMPARABLE",
        "Ed,           Ad,        MATCH",
        "Marie Helene, Maria Rio, MATCH",
    })
    void match_rating_comparison_matches_jellyfish_test_data(String a, String b, MatchRatingResult.Outcome outcome) {
        assertThat(service.compareMatchRating(a, b).outcome()).isEqualTo(outcome);
    }

    @Test
    void match_rating_comparison_reports_the_rating_against_the_minimum() {
        MatchRatingResult result = service.compareMatchRating("Smith", "Smyth");

        assertThat(result).isEqualTo(new MatchRatingResult("SMTH", "SMYTH", MatchRatingResult.Outcome.MATCH, 5, 3));
    }

    @Test
    void match_rating_codex_rejects_text_that_is_not_letters_and_spaces() {
        assertThatThrownBy(() -> service.encode("R2-D2", PhoneticAlgorithm.MATCH_RATING_CODEX))
                .isInstanceOfSatisfying(PhoneticInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("text");
                    assertThat(e.algorithm()).isEqualTo("match_rating_codex");
                });
        assertThatThrownBy(() -> service.compareMatchRating("Smith", " "))
                .isInstanceOfSatisfying(PhoneticInputException.class, e -> assertThat(e.field()).isEqualTo("b"));
    }

    @Test
    void unknown_encoder_names_list_the_valid_ones() {
        assertThatThrownBy(() -> PhoneticAlgorithm.fromName("double_metaphone"))
                .isInstanceOfSatisfying(UnknownAlgorithmException.class, e -> assertThat(e.validNames())
                        .containsExactly("soundex", "metaphone", "nysiis", "match_rating_codex"));
    }

    @Test
    void texts_over_the_limit_are_rejected_with_their_length() {
        String text = "a".repeat(PhoneticService.MAX_TEXT_LENGTH + 1);

        assertThatThrownBy(() -> service.encode(text, PhoneticAlgorithm.SOUNDEX))
                .isInstanceOfSatisfying(InputTooLongException.class, e -> {
                    assertThat(e.field()).isEqualTo("text");
                    assertThat(e.length()).isEqualTo(1_001);
                    assertThat(e.limit()).isEqualTo(1_000);
                });
    }
}
