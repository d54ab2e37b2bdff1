package vn.chotdon.comments;

import java.util.List;

/** The items on sale in one live session, as the parser matches comments against them. */
public record Lineup(List<LineupItem> items) {

    public Lineup {
        items = List.copyOf(items);
    }

    public static Lineup of(LineupItem... items) {
        return new Lineup(List.of(items));
    }
}
