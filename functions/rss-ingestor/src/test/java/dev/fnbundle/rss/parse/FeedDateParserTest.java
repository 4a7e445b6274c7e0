package dev.fnbundle.rss.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDateParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Fri, 05 Jan 2024 10:00:00 +0000          | 2024-01-05T10:00:00Z",
        "Fri, 05 Jan 2024 10:00:00 GMT            | 2024-01-05T10:00:00Z",
        "Fri, 05 Jan 2024 10:00:00 UT             | 2024-01-05T10:00:00Z",
        "Fri, 05 Jan 2024 10:00:00 Z              | 2024-01-05T10:00:00Z",
        "Fri, 05 Jan 2024 10:00:00 EST            | 2024-01-05T15:00:00Z",
        "Fri, 05 Jan 2024 10:00:00 PDT            | 2024-01-05T17:00:00Z",
        "Fri, 05 Jan 2024 10:00:00 CEST           | 2024-01-05T08:00:00Z",
        "Fri, 05 Jan 2024 10:00:00 -0500          | 2024-01-05T15:00:00Z",
        "Fri, 05 Jan 2024 10:00:00 +05:30         | 2024-01-05T04:30:00Z",
        "Tue, 05 Jan 2024 10:00:00 GMT            | 2024-01-05T10:00:00Z",
        "Friday, 05 Jan 2024 10:00:00 GMT         | 2024-01-05T10:00:00Z",
        "05 Jan 2024 10:00:00 GMT                 | 2024-01-05T10:00:00Z",
        "Fri, 5 Jan 2024 10:00 GMT                | 2024-01-05T10:00:00Z",
        "Fri, 05 Jan 24 10:00:00 GMT              | 2024-01-05T10:00:00Z",
        "Fri, 05 Jan 99 10:00:00 GMT              | 1999-01-05T10:00:00Z",
        "Fri, 05 January 2024 10:00:00 GMT        | 2024-01-05T10:00:00Z",
        "Fri, 05 Sept 2024 10:00:00 GMT           | 2024-09-05T10:00:00Z",
        "fri, 05 jan 2024 10:00:00 gmt            | 2024-01-05T10:00:00Z",
        "Fri, 05 Jan 2024 10:00:00 +0000 (UTC)    | 2024-01-05T10:00:00Z",
        "Fri, 05 Jan 2024 23:59:60 GMT            | 2024-01-05T23:59:59Z",
        "Fri, 05 Jan 2024                         | 2024-01-05T00:00:00Z",
        "Fri Jan 05 10:00:00 UTC 2024             | 2024-01-05T10:00:00Z",
        "Jan 05, 2024 10:00:00 GMT                | 2024-01-05T10:00:00Z",
        "2024-01-05T10:00:00Z                     | 2024-01-05T10:00:00Z",
        "2024-01-05t10:00:00z                     | 2024-01-05T10:00:00Z",
        "2024-01-05T10:00:00.5Z                   | 2024-01-05T10:00:00.500Z",
        "2024-01-05T10:00:00,123456789+02:00      | 2024-01-05T08:00:00.123456789Z",
        "2024-01-05T10:00:00-0800                 | 2024-01-05T18:00:00Z",
        "2024-01-05T10:00+01:00                   | 2024-01-05T09:00:00Z",
        "2024-01-05                               | 2024-01-05T00:00:00Z",
        "2024-01-05T24:00:00Z                     | 2024-01-06T00:00:00Z"
    })
    void readable_dates_become_utc_instants(String text, String expected) {
        FeedDateParser.FeedDate date = FeedDateParser.parse(text);

        assertThat(date).isNotNull();
        assertThat(date.instant()).isEqualTo(Instant.parse(expected));
        assertThat(date.zoneAssumed()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2024-01-05 10:00:00                      | 2024-01-05T10:00:00Z",
        "2024-01-05T10:00:00                      | 2024-01-05T10:00:00Z",
        "Fri, 05 Jan 2024 10:00:00                | 2024-01-05T10:00:00Z",
        "Fri, 05 Jan 2024 10:00:00 A              | 2024-01-05T10:00:00Z",
        "Fri, 05 Jan 2024 10:00:00 Y              | 2024-01-05T10:00:00Z"
    })
    void times_without_a_usable_zone_are_taken_as_utc_and_flagged(String text, String expected) {
        FeedDateParser.FeedDate date = FeedDateParser.parse(text);

        assertThat(date.instant()).isEqualTo(Instant.parse(expected));
        assertThat(date.zoneAssumed()).isTrue();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "yesterday", "Fri, 32 Jan 2024 10:00:00 GMT", "Fri, 05 Foo 2024 10:00 GMT",
        "2024-13-05T10:00:00Z", "Fri, 05 Jan 2024 25:00:00 GMT", "Fri, 05 Jan 2024 10:00:00 XYZ",
        "2024-01-05T10:00:00+25:00", "Fri, 05 Janvier 2024 10:00:00 GMT"})
    void unreadable_dates_are_absent(String text) {
        assertThat(FeedDateParser.parse(text)).isNull();
    }
}
