package vn.chotdon.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.stream.Collectors;
import vn.chotdon.platform.text.VietnameseText;

/** The unit a product is sold by, as Vietnamese sellers name it. */
public enum Unit {
    CAI("cái"),
    CHIEC("chiếc"),
    KG("kg"),
    GAM("gam"),
    HOP("hộp"),
    BO("bó"),
    CHUC("chục"),
    GOI("gói"),
    TUI("túi"),
    CHAI("chai"),
    LIT("lít"),
    QUA("quả"),
    CON("con"),
    THUNG("thùng"),
    BAO("bao"),
    LO("lọ");

    private final String label;

    Unit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the code (KG, HOP) or the Vietnamese word (kg, hộp, hop), in any case. */
    @JsonCreator
    public static Unit parse(String text) {
        if (text != null) {
            String folded = VietnameseText.fold(text);
            for (Unit unit : values()) {
                if (unit.name().equalsIgnoreCase(text.strip()) || VietnameseText.fold(unit.label).equals(folded)) {
                    return unit;
                }
            }
        }
        throw new IllegalArgumentException("unknown unit '" + text + "'; use one of " + Arrays.stream(values())
                .map(u -> u.name() + " (" + u.label + ")").collect(Collectors.joining(", ")));
    }
}
