package vn.chotdon.order.transfer;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The EMVCo merchant-presented QR encoding that VietQR uses: data objects written as a two-digit
 * id, a two-digit length and the value (a template's value is data objects again), and the
 * CRC-16/CCITT-FALSE that ends the payload.
 */
final class EmvFields {

    static final int MAX_VALUE_LENGTH = 99;

    private EmvFields() {
    }

    /** One data object: id, two-digit length, value. */
    static String field(String id, String value) {
        if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
            throw new InvalidVietQr("field " + id + " must hold 1 to " + MAX_VALUE_LENGTH + " characters, not "
                    + value.length());
        }
        return id + (value.length() < 10 ? "0" : "") + value.length() + value;
    }

    /**
     * The data objects of a payload or template, by id, in the order they come. Refuses a length
     * that is not two digits or runs past the end, an empty value, and an id given twice.
     */
    static Map<String, String> read(String data) {
        Map<String, String> fields = new LinkedHashMap<>();
        int at = 0;
        while (at < data.length()) {
            if (at + 4 > data.length()) {
                throw new InvalidVietQr("a data object is cut short at position " + at);
            }
            String id = data.substring(at, at + 2);
            String length = data.substring(at + 2, at + 4);
            if (!id.chars().allMatch(Character::isDigit) || !length.chars().allMatch(Character::isDigit)) {
                throw new InvalidVietQr("position " + at + " holds no data object id and length: " + id + length);
            }
            int size = Integer.parseInt(length);
            if (size == 0 || at + 4 + size > data.length()) {
                throw new InvalidVietQr("field " + id + " says it holds " + size + " characters; "
                        + (data.length() - at - 4) + " follow");
            }
            if (fields.putIfAbsent(id, data.substring(at + 4, at + 4 + size)) != null) {
                throw new InvalidVietQr("field " + id + " is given twice");
            }
            at += 4 + size;
        }
        return fields;
    }

    /** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection) as 4 upper-case hex digits. */
    static String crc(String data) {
        int crc = 0xFFFF;
        for (byte b : data.getBytes(StandardCharsets.US_ASCII)) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return String.format("%04X", crc & 0xFFFF);
    }
}
