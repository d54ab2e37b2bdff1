package vn.chotdon.comments;

import java.util.Objects;
import java.util.Optional;

/**
 * One item of a session's lineup as a comment can name it: its short code ("BG01"), the product's
 * name ("Bánh gio Thanh Huệ") and, when known, the unit it is sold by ("cái", "kg").
 */
public record LineupItem(String code, String productName, Optional<String> unit) {

    public LineupItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(productName, "productName");
        unit = unit == null ? Optional.empty() : unit;
        if (code.isBlank()) {
            throw new IllegalArgumentException("a lineup item needs a code");
        }
    }

    public LineupItem(String code, String productName) {
        this(code, productName, Optional.empty());
    }

    public LineupItem(String code, String productName, String unit) {
        this(code, productName, Optional.ofNullable(unit).filter(u -> !u.isBlank()));
    }
}
