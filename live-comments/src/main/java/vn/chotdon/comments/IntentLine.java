package vn.chotdon.comments;

import java.util.Objects;

/** One item of an intent: a lineup code and how many units. */
public record IntentLine(String code, int quantity) {

    public IntentLine {
        Objects.requireNonNull(code, "code");
    }

    @Override
    public String toString() {
        return code + "x" + quantity;
    }
}
