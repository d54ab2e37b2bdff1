package vn.chotdon.comments;

import java.util.List;

/**
 * A place in the comment that names an item: by its code, by its product's name, or by something that
 * looks like a code or name but does not point at exactly one item of the lineup.
 *
 * @param first index of the first token it covers
 * @param last index of the last token it covers
 * @param candidates the lineup items it may mean: exactly one when it is certain
 * @param written what the buyer wrote, for the review text ("BG07", "bánh")
 */
record Mention(Kind kind, int first, int last, List<LineupItem> candidates, String written) {

    enum Kind {
        CODE,
        NAME,
        /**
         * Only the inner words of a name, usually its place ("Lục Ngạn", "Đan Phượng"): alone it names
         * the product, next to a code or a product's name it only qualifies it ("bánh gio Đan Phượng").
         */
        QUALIFIER,
        UNKNOWN_CODE
    }

    Mention {
        candidates = List.copyOf(candidates);
    }

    boolean certain() {
        return candidates.size() == 1;
    }

    LineupItem item() {
        return candidates.get(0);
    }
}
