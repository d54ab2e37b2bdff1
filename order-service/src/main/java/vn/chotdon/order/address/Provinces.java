package vn.chotdon.order.address;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.chotdon.platform.text.VietnameseText;

/**
 * Vietnam's 34 provincial-level units in force since 1 July 2025. Buyers still write the old
 * province names ("Bắc Giang", "Hà Giang", "Sài Gòn"); each resolves to the unit that absorbed
 * it, with or without diacritics and administrative prefixes.
 */
public final class Provinces {

    private static final String RESOURCE = "/vn-provinces-2025.csv";
    private static final List<String> NAMES = new ArrayList<>();
    private static final Map<String, String> BY_FOLDED_NAME = new HashMap<>();
    private static final Pattern SPACES = Pattern.compile("\\s+");

    static {
        try (InputStream in = Provinces.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] columns = line.split(",", 3);
                String name = columns[0].strip();
                NAMES.add(name);
                BY_FOLDED_NAME.put(key(name), name);
                for (String former : columns[2].split(";")) {
                    BY_FOLDED_NAME.putIfAbsent(key(former), name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String hcm = "Thành phố Hồ Chí Minh";
        for (String alias : List.of("Hồ Chí Minh", "HCM", "TPHCM", "TP HCM", "Sài Gòn", "Saigon")) {
            BY_FOLDED_NAME.putIfAbsent(key(alias), hcm);
        }
        BY_FOLDED_NAME.putIfAbsent(key("Thừa Thiên Huế"), "Huế");
    }

    private Provinces() {
    }

    /** @return the current official name of the province the text names, if it names one */
    public static Optional<String> resolve(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_FOLDED_NAME.get(key(text)));
    }

    public static List<String> names() {
        return List.copyOf(NAMES);
    }

    private static String key(String name) {
        String folded = VietnameseText.fold(name).replace(".", " ").replace("-", " ");
        folded = SPACES.matcher(folded).replaceAll(" ").strip();
        for (String prefix : List.of("thanh pho ", "tinh ", "tp ")) {
            if (folded.startsWith(prefix) && !folded.equals("thanh pho ho chi minh")) {
                folded = folded.substring(prefix.length());
            }
        }
        return folded.replace(" ", "");
    }
}
