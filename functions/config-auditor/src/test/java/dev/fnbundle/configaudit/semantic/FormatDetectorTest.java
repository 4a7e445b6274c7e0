package dev.fnbundle.configaudit.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.configaudit.testing.Configs;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {

    @Test
    void each_format_is_recognised_from_a_typical_file() {
        assertThat(FormatDetector.detect("{\"a\": 1}")).isEqualTo(ConfigFormat.JSON);
        assertThat(FormatDetector.detect("[\n  1, 2\n]")).isEqualTo(ConfigFormat.JSON);
        assertThat(FormatDetector.detect(Configs.TEMPLATE)).isEqualTo(ConfigFormat.INI);
        assertThat(FormatDetector.detect(NginxParserTest.NGINX)).isEqualTo(ConfigFormat.NGINX);
        assertThat(FormatDetector.detect("# c\ndatabase:\n  host: x\nlist:\n  - a\n")).isEqualTo(ConfigFormat.YAML);
        assertThat(FormatDetector.detect("a.b=1\nc = http://x:80/\n")).isEqualTo(ConfigFormat.PROPERTIES);
        assertThat(FormatDetector.detect("")).isEqualTo(ConfigFormat.PROPERTIES);
    }

    @Test
    void an_empty_baseline_defers_to_the_current_text() {
        assertThat(FormatDetector.detect("\n# nothing\n", "key: value\nother: 1\n")).isEqualTo(ConfigFormat.YAML);
    }
}
