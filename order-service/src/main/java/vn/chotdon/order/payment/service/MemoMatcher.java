package vn.chotdon.order.payment.service;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import vn.chotdon.order.service.OrderCodes;

/**
 * Finds the order code in a transfer memo as banks deliver it. The buyer's QR asks for
 * {@code CHOTDON <code>}; on the way banks strip diacritics, change case, add their own prefixes
 * and reference numbers ({@code MBVCB.1234567.CHOTDON 3AGGHV97.CT tu 0123...}), glue words
 * together ({@code chotdon3agghv97}) or split them ({@code CHOTDON 3AGG HV97}), and buyers who type
 * the memo by hand drop the prefix ({@code IBFT 3AGGHV97}).
 *
 * <p>What is accepted, strongest first; a weaker reading is tried only when the stronger one names
 * no real order of the cooperative:
 * <ol>
 * <li>the 8 code characters right after {@code CHOTDON}, with anything but letters and digits
 *     between or inside them ignored ({@code CHOTDON-3AGG HV97}, {@code chotdon3agghv97});</li>
 * <li>a word of exactly 8 code characters standing alone ({@code IBFT 3AGGHV97}), or two or three
 *     neighbouring words that together make 8 ({@code 3AGG HV97}).</li>
 * </ol>
 * A code glued to another word without the prefix ({@code ND3AGGHV97}) is not read: guessing where
 * it starts could name another buyer's order. Only codes of real orders count (the lookup given);
 * two real orders in one reading are ambiguous, and nothing is ever guessed beyond that.
 */
public final class MemoMatcher {

    static final String PREFIX = "CHOTDON";
    private static final int LENGTH = OrderCodes.LENGTH;

    private MemoMatcher() {
    }

    /**
     * @param realCodes given candidate codes, answers those that are real orders of the cooperative
     */
    public static MemoReading read(String memo, Function<Collection<String>, Set<String>> realCodes) {
        List<List<String>> readings = List.of(afterPrefix(memo), standingAlone(memo));
        List<String> seen = new ArrayList<>();
        for (List<String> candidates : readings) {
            if (candidates.isEmpty()) {
                continue;
            }
            seen.addAll(candidates.stream().filter(c -> !seen.contains(c)).toList());
            Set<String> real = realCodes.apply(candidates);
            List<String> found = candidates.stream().filter(real::contains).toList();
            if (found.size() == 1) {
                return new MemoReading.Found(found.get(0));
            }
            if (found.size() > 1) {
                return new MemoReading.Ambiguous(found);
            }
        }
        return seen.isEmpty() ? new MemoReading.NoCode() : new MemoReading.Unknown(List.copyOf(seen));
    }

    /** Codes right after each CHOTDON, separators ignored. */
    static List<String> afterPrefix(String memo) {
        String compact = plain(memo).replaceAll("[^A-Z0-9]", "");
        Set<String> codes = new LinkedHashSet<>();
        for (int at = compact.indexOf(PREFIX); at >= 0; at = compact.indexOf(PREFIX, at + 1)) {
            int start = at + PREFIX.length();
            if (start + LENGTH <= compact.length()) {
                String code = compact.substring(start, start + LENGTH);
                if (isCode(code)) {
                    codes.add(code);
                }
            }
        }
        return List.copyOf(codes);
    }

    /** Words of 8 code characters, alone or made of two or three neighbouring words. */
    static List<String> standingAlone(String memo) {
        String[] words = plain(memo).split("[^A-Z0-9]+");
        Set<String> codes = new LinkedHashSet<>();
        for (int first = 0; first < words.length; first++) {
            StringBuilder joined = new StringBuilder();
            for (int last = first; last < words.length && last < first + 3; last++) {
                joined.append(words[last]);
                if (joined.length() == LENGTH && isCode(joined)) {
                    codes.add(joined.toString());
                }
                if (joined.length() >= LENGTH) {
                    break;
                }
            }
        }
        return List.copyOf(codes);
    }

    /** Upper case without diacritics (đ is d), as banks send memos. */
    static String plain(String memo) {
        if (memo == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(memo, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.replace('đ', 'd').replace('Đ', 'D').toUpperCase(Locale.ROOT);
    }

    private static boolean isCode(CharSequence text) {
        if (text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (OrderCodes.ALPHABET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
