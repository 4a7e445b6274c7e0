package dev.fnbundle.email.listing;

/**
 * How many bytes a string takes inside a JSON document (UTF-8, with the escapes Jackson writes): what counts
 * against Lambda's 6 MB response limit when a CSV body travels in the API Gateway response.
 */
final class JsonSize {
    private JsonSize() {
    }

    /** @return the escaped UTF-8 length of {@code text}, without the surrounding quotes. O(n). */
    static long of(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
                bytes += 2;
            } else if (c < 0x20) {
                bytes += 6;
            } else if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isSurrogate(c)) {
                bytes += 2;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
