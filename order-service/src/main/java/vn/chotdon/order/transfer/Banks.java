package vn.chotdon.order.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Vietnamese banks a receiving account may be at, by NAPAS BIN, read once from the list kept
 * in the repository ({@code vn-banks-napas.csv}: its source and date are in its header).
 */
public final class Banks {

    static final String RESOURCE = "/vn-banks-napas.csv";
    private static final Pattern BIN = Pattern.compile("[0-9]{6}");
    private static final Map<String, Bank> BY_BIN = read();

    private Banks() {
    }

    public static Optional<Bank> byBin(String bin) {
        return bin == null ? Optional.empty() : Optional.ofNullable(BY_BIN.get(bin));
    }

    public static Collection<Bank> all() {
        return BY_BIN.values();
    }

    private static Map<String, Bank> read() {
        Map<String, Bank> banks = new LinkedHashMap<>();
        try (InputStream in = Banks.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                List<String> cells = cells(line);
                if (cells.size() != 4 || !BIN.matcher(cells.get(0)).matches()) {
                    throw new IllegalStateException(RESOURCE + ": not a bank line: " + line);
                }
                Bank bank = new Bank(cells.get(0), cells.get(1), cells.get(2), cells.get(3));
                if (banks.putIfAbsent(bank.bin(), bank) != null) {
                    throw new IllegalStateException(RESOURCE + ": BIN " + bank.bin() + " is listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return banks;
    }

    /** The cells of a CSV line; a cell in double quotes may hold commas. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
