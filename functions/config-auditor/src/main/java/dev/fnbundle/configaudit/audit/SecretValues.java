package dev.fnbundle.configaudit.audit;

import dev.fnbundle.configaudit.secrets.UrlPasswords;
import dev.fnbundle.configaudit.semantic.ConfigEntry;
import dev.fnbundle.configaudit.semantic.ParsedConfig;
import java.util.ArrayList;
import java.util.List;

/** The secret values of an audit's parsed sides: every secret entry's value and every URL password in any value. */
final class SecretValues {
    private SecretValues() {
    }

    /** From the sides that parsed (null for one that did not). */
    static List<String> of(ParsedConfig... sides) {
        List<String> values = new ArrayList<>();
        for (ParsedConfig side : sides) {
            if (side == null) {
                continue;
            }
            for (ConfigEntry entry : side.byPath().values()) {
                if (entry.secret()) {
                    values.add(entry.value());
                }
                String value = entry.value();
                // Most values hold no URL: skip the scanner's list for them.
                if (value.contains("://")) {
                    UrlPasswords.find(value).forEach(s -> values.add(value.substring(s.start(), s.end())));
                }
            }
        }
        return values;
    }
}
