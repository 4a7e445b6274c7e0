package dev.fnbundle.email.mime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.email.support.Fixtures;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessageParserTest {
    private final MessageParser parser = new MessageParser();

    private ParsedMessage parsed(String fixture) {
        ParseOutcome outcome = parser.parse(Fixtures.eml(fixture));
        assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
        return ((ParseOutcome.Parsed) outcome).message();
    }

    @Test
    void plain_message_yields_headers_date_in_utc_and_body() {
        ParsedMessage message = parsed("plain-usd.eml");

        assertThat(message.messageId()).isEqualTo("<inv-0042@acme.example>");
        assertThat(message.from()).isEqualTo(new MailAddress("billing@acme.example", "Acme Billing"));
        assertThat(message.to()).containsExactly(new MailAddress("accounts@example.com", "Accounts"));
        assertThat(message.subject()).isEqualTo("Invoice INV-2026-0042 from Acme");
        assertThat(message.date()).isEqualTo(Instant.parse("2026-05-13T09:14:32Z"));
        assertThat(message.bodySource()).isEqualTo(BodySource.TEXT_PLAIN);
        assertThat(message.textBody()).contains("Total: $1,080.00").contains("\r\n");
        assertThat(message.attachments()).isEmpty();
        assertThat(message.sizeBytes()).isEqualTo(Fixtures.eml("plain-usd.eml").length);
    }

    @Test
    void multipart_alternative_prefers_text_plain_and_decodes_quoted_printable_utf8() {
        ParsedMessage message = parsed("alternative.eml");

        assertThat(message.bodySource()).isEqualTo(BodySource.TEXT_PLAIN);
        assertThat(message.textBody()).contains("Amount due: 1.234,56 €").doesNotContain("9.999,99");
        assertThat(message.date()).isEqualTo(Instant.parse("2026-05-14T08:00:00Z"));
        assertThat(message.attachments()).isEmpty();
    }

    @Test
    void decodes_utf8_base64_subject_and_utf8_q_display_name() {
        ParsedMessage message = parsed("subject-utf8.eml");

        assertThat(message.subject()).isEqualTo("Rechnung / Invoice Nr. 2026-17 – Müller GmbH");
        assertThat(message.from().displayName()).isEqualTo("Müller GmbH");
        assertThat(message.textBody()).contains("Fällig am 15.06.2026");
    }

    @Test
    void decodes_iso_8859_1_q_subject_and_latin1_body() {
        ParsedMessage message = parsed("subject-latin1.eml");

        // =96 is not a character in ISO-8859-1 proper (it is a C1 control); Java maps it like Python's latin-1
        assertThat(message.subject()).isEqualTo("Facture / Invoice n° F-981 \u0096 éléments");
        assertThat(message.from().displayName()).isEqualTo("Société Générale Fournitures");
        assertThat(message.textBody()).contains("Montant dû : 99,90 EUR").contains("Échéance : 2026-07-01");
    }

    @Test
    void html_only_message_is_converted_to_text_without_scripts_and_styles() {
        ParsedMessage message = parsed("html-only.eml");

        assertThat(message.bodySource()).isEqualTo(BodySource.HTML);
        assertThat(message.textBody()).contains("Subtotal\t$90.00\nTotal\t$99.00")
                .contains("Due date: June 30, 2026").doesNotContain("$1.00").doesNotContain("color:red");
    }

    @Test
    void attachments_are_listed_with_sanitized_names_types_and_decoded_sizes() {
        ParsedMessage message = parsed("attachments.eml");

        assertThat(message.textBody()).contains("Total: £250.00");
        assertThat(message.attachments()).extracting(AttachmentInfo::fileName)
                .containsExactly("passwd", "fdp.exe", "Rechnung März.pdf", "_CON.txt");
        assertThat(message.attachments()).extracting(AttachmentInfo::contentType)
                .containsExactly("application/octet-stream", "application/pdf", "application/pdf", "text/plain");
        assertThat(message.attachments().getFirst().size()).isEqualTo("root:x:0:0:root:/root:/bin/bash\n".length());
        assertThat(message.attachments().get(3).size()).isEqualTo("device name".length());
    }

    @Test
    void malformed_multipart_is_unparseable_with_a_reason_not_an_exception() {
        ParseOutcome outcome = parser.parse(Fixtures.eml("malformed.eml"));

        assertThat(outcome).isInstanceOf(ParseOutcome.Unparseable.class);
        ParseOutcome.Unparseable unparseable = (ParseOutcome.Unparseable) outcome;
        assertThat(unparseable.messageId()).isEqualTo("<broken@bad.example>");
        assertThat(unparseable.reason()).containsIgnoringCase("boundary");
    }

    @Test
    void message_over_the_size_cap_is_skipped_with_a_reason() {
        // given a parser whose cap is 100 bytes and a 447 byte message
        MessageParser small = new MessageParser(new ParserLimits(100, 20, 500, 1000));

        ParseOutcome outcome = small.parse(Fixtures.eml("plain-usd.eml"));

        assertThat(outcome).isInstanceOfSatisfying(ParseOutcome.TooLarge.class, tooLarge -> {
            assertThat(tooLarge.sizeBytes()).isEqualTo(Fixtures.eml("plain-usd.eml").length);
            assertThat(tooLarge.reason()).isEqualTo("message is 447 bytes, over the 100 byte limit");
        });
    }

    @Test
    void fifty_megabytes_is_the_default_cap() {
        byte[] huge = new byte[(int) ParserLimits.DEFAULT_MAX_MESSAGE_BYTES + 1];

        assertThat(parser.parse(huge)).isInstanceOf(ParseOutcome.TooLarge.class);
    }

    @Test
    void nesting_beyond_the_limit_is_unparseable() {
        // given multiparts nested 30 deep
        StringBuilder raw = new StringBuilder("Subject: deep\r\nMIME-Version: 1.0\r\n");
        for (int i = 0; i < 30; i++) {
            raw.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i)
                    .append("\r\n");
        }
        raw.append("Content-Type: text/plain\r\n\r\nhi\r\n");

        ParseOutcome outcome = parser.parse(raw.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(outcome).isInstanceOfSatisfying(ParseOutcome.Unparseable.class,
                u -> assertThat(u.reason()).isEqualTo("MIME nesting deeper than 20"));
    }

    @Test
    void missing_headers_stay_absent() {
        byte[] raw = "\r\nbody only\r\n".getBytes(StandardCharsets.US_ASCII);

        ParsedMessage message = ((ParseOutcome.Parsed) parser.parse(raw)).message();

        assertThat(message.messageId()).isNull();
        assertThat(message.from()).isNull();
        assertThat(message.subject()).isNull();
        assertThat(message.date()).isNull();
        assertThat(message.textBody()).isEqualTo("body only\r\n");
    }

    @Test
    void parses_a_jakarta_mime_message_too() throws Exception {
        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(Fixtures.eml("plain-usd.eml")));

        ParseOutcome outcome = parser.parse(mime);

        assertThat(outcome).isInstanceOfSatisfying(ParseOutcome.Parsed.class,
                p -> assertThat(p.message().subject()).isEqualTo("Invoice INV-2026-0042 from Acme"));
    }
}
