package dev.fnbundle.email.mime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.email.support.CpuBudget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A message built to be slow to parse is parsed, or refused, in well under a second of CPU time (2 s is the
 * generous bound): Jakarta Mail decodes, unfolds and parses header fields in time quadratic in their length, and
 * reads every MIME part before the first can be refused; at 100 KB each of these took 5 to 12 s, so one such mail
 * timed the poller out on every poll.
 */
class WorstCaseMessageTest {
    private static final int MIB = 1 << 20;

    private static String repeated(String unit) {
        return unit.repeat(MIB / unit.length());
    }

    private static ParsedMessage parsed(ParseOutcome outcome) {
        assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
        return ((ParseOutcome.Parsed) outcome).message();
    }

    static Stream<Arguments> messages() {
        Consumer<ParseOutcome> knownSubject = o -> assertThat(parsed(o).subject())
                .hasSizeLessThanOrEqualTo(MessageParser.MAX_HEADER_CHARS);
        Consumer<ParseOutcome> unknownSender = o -> assertThat(parsed(o).from()).isNull();
        return Stream.of(
                Arguments.of("a subject of encoded words", "Subject: " + repeated("=?UTF-8?Q?a?= ") + "\r\n\r\nx",
                        knownSubject),
                Arguments.of("a subject folded on every line", "Subject: x" + repeated("\r\n a") + "\r\n\r\nx",
                        knownSubject),
                Arguments.of("a From of comment openers", "From: " + repeated("(") + "\r\n\r\nx", unknownSender),
                Arguments.of("a From of angle brackets", "From: " + repeated("<a") + "\r\n\r\nx", unknownSender),
                Arguments.of("a Sender of quotes and angle brackets", "Sender: " + repeated("\"<") + "\r\n\r\nx",
                        unknownSender),
                Arguments.of("a To of angle brackets", "From: a@b.example\r\nTo: " + repeated("<a") + "\r\n\r\nx",
                        (Consumer<ParseOutcome>) o -> assertThat(parsed(o).to()).isEmpty()),
                Arguments.of("a multipart of empty parts", "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                        + repeated("--b\r\n\r\nx\r\n"), (Consumer<ParseOutcome>) o -> assertThat(o)
                        .isInstanceOf(ParseOutcome.Unparseable.class)),
                Arguments.of("an attachment named in encoded words", "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                        + "--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b\r\nContent-Type: application/pdf\r\n"
                        + "Content-Disposition: attachment; filename=\"" + repeated("=?UTF-8?Q?a?=") + "\"\r\n\r\n"
                        + "xx\r\n--b--\r\n", (Consumer<ParseOutcome>) o -> assertThat(parsed(o).attachments())
                        .singleElement().satisfies(a -> assertThat(a.fileName()).hasSizeLessThanOrEqualTo(200))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void a_hostile_message_of_1_mib_is_parsed_in_linear_time(String name, String message,
                                                            Consumer<ParseOutcome> expectation) {
        byte[] raw = message.getBytes(StandardCharsets.UTF_8);

        CpuBudget.assertWithin(Duration.ofSeconds(2), () -> expectation.accept(new MessageParser().parse(raw)));
    }
}
