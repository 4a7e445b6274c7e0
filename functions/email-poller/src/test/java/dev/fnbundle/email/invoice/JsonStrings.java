package dev.fnbundle.email.invoice;

import java.util.ArrayList;
import java.util.List;

/** Reads the JSON array of ASCII strings that the differential scripts print (json.dumps, ensure_ascii). */
final class JsonStrings {
    private JsonStrings() {
    }

    static List<String> parseArray(String json) {
        List<String> result = new ArrayList<>();
        int i = json.indexOf('[') + 1;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (json.charAt(i) != '"') {
                    char ch = json.charAt(i);
                    if (ch == '\\') {
                        char esc = json.charAt(++i);
                        if (esc == 'u') {
                            value.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                            i += 4;
                        } else {
                            value.append(switch (esc) {
                                case 'n' -> '\n';
                                case 't' -> '\t';
                                case 'r' -> '\r';
                                default -> esc;
                            });
                        }
                    } else {
                        value.append(ch);
                    }
                    i++;
                }
                result.add(value.toString());
            }
            i++;
        }
        return result;
    }
}
