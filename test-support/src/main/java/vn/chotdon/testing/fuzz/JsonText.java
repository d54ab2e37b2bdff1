package vn.chotdon.testing.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Text written as a JSON string or a URL part exactly as given, unpaired surrogates included. */
final class JsonText {

    private JsonText() {
    }

    /** A JSON string literal; control characters and every surrogate as \\u escapes, so unpaired ones survive. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String percentEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
