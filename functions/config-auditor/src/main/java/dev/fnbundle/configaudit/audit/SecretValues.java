package dev.fnbundle.configaudit.audit;

import dev.fnbundle.configaudit.semantic.ParsedConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The secret values of an audit's parsed sides: every secret entry's value and every URL password in any value,
 * as the readers collected them ({@link ParsedConfig#secretValues()}).
 */
final class SecretValues {
    private SecretValues() {
    }

    /** From the sides that parsed (null for one that did not). */
    static List<String> of(ParsedConfig... sides) {
        List<String> values = new ArrayList<>();
        for (ParsedConfig side : sides) {
            if (side != null) {
                values.addAll(side.secretValues());
            }
        }
        return values;
    }
}
