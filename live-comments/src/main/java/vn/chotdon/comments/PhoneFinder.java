package vn.chotdon.comments;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds Vietnamese mobile numbers in a comment however they are grouped ("0912 345 678", "0912.345.678",
 * "+84 912-345-678", "84912345678", "sdt0912345678") and tells which tokens they used, so that the
 * digits of a phone are never read as a quantity or a code.
 *
 * <p>A phone must begin with 0, 84, +84 or 0084: a quantity written just before it ("BG01 2 0912345678")
 * cannot then be glued to it. Validity (assigned mobile ranges: 03x, 05x, 07x, 08x, 09x as the numbering
 * plan allots them) is libphonenumber's: it follows the plan's changes, a hand-written pattern would not.
 * A run of nine or more digits that is not a valid mobile number is reported as such, never guessed at
 * (an old 11-digit number "0168…", a missing digit).
 */
final class PhoneFinder {

    /** Separators people put inside a phone number. */
    private static final String PHONE_SEPARATORS = " .-()/";
    private static final int MAX_DIGITS = 13;
    private static final int PHONE_LIKE_DIGITS = 9;

    private final PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();

    /**
     * @param phonesE164 the valid mobile numbers, in the order written, each once
     * @param usedTokens the tokens that made them, and those of phone-like numbers that are not valid
     * @param invalid the digits of phone-like numbers that are no valid Vietnamese mobile number
     */
    record Found(Set<String> phonesE164, Set<Integer> usedTokens, List<String> invalid) {
    }

    Found find(List<Token> tokens) {
        Set<String> phones = new LinkedHashSet<>();
        Set<Integer> used = new HashSet<>();
        List<String> invalid = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token start = tokens.get(i);
            if (!start.isDigits()) {
                i++;
                continue;
            }
            int end = chainEnd(tokens, i);
            int matchedTo = -1;
            if (canStartPhone(tokens, i)) {
                StringBuilder digits = new StringBuilder();
                for (int j = i; j <= end && digits.length() <= MAX_DIGITS; j++) {
                    digits.append(tokens.get(j).text());
                    Optional<String> e164 = mobileE164(digits.toString(), start.gapBefore().contains("+"));
                    if (e164.isPresent()) {
                        phones.add(e164.get());
                        matchedTo = j;
                        break;
                    }
                }
            }
            if (matchedTo >= 0) {
                for (int j = i; j <= matchedTo; j++) {
                    used.add(j);
                }
                i = matchedTo + 1;
            } else {
                i++;
            }
        }
        collectInvalid(tokens, used, invalid);
        return new Found(phones, used, invalid);
    }

    /** The E.164 form of a Vietnamese mobile number typed in any local form, if it is one. */
    Optional<String> mobileE164(String typed) {
        String digits = typed.replaceAll("[^0-9]", "");
        return mobileE164(digits, typed.strip().startsWith("+"));
    }

    private Optional<String> mobileE164(String digits, boolean plus) {
        String national;
        if (digits.startsWith("0084")) {
            national = digits.substring(4);
        } else if (digits.startsWith("84") && (plus || digits.length() >= 11)) {
            national = digits.substring(2);
        } else if (digits.startsWith("0") && !plus) {
            national = digits.substring(1);
        } else {
            return Optional.empty();
        }
        if (national.startsWith("0")) {
            // "+84 0912 345 678": the trunk 0 kept after the country code.
            national = national.substring(1);
        }
        if (national.length() != 9) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = numbers.parse("+84" + national, "VN");
            if (numbers.isValidNumberForRegion(number, "VN")
                    && numbers.getNumberType(number) == PhoneNumberType.MOBILE) {
                return Optional.of(numbers.format(number, PhoneNumberFormat.E164));
            }
        } catch (NumberParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The last token of the run of digit groups joined by phone separators that starts at {@code i}. */
    private static int chainEnd(List<Token> tokens, int i) {
        int end = i;
        while (end + 1 < tokens.size() && tokens.get(end + 1).isDigits() && joins(tokens.get(end + 1).gapBefore())) {
            end++;
        }
        return end;
    }

    private static boolean joins(String gap) {
        if (gap.length() > 3) {
            return false;
        }
        for (int k = 0; k < gap.length(); k++) {
            if (PHONE_SEPARATORS.indexOf(gap.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Digits glued to letters are a code's number ("bg01"), unless they are long (a phone after a label
     * without a space: "sdt0912345678").
     */
    private static boolean canStartPhone(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        boolean prefixed = token.text().startsWith("0") || token.text().startsWith("84");
        return prefixed && (!token.attached() || token.text().length() >= 4);
    }

    private static void collectInvalid(List<Token> tokens, Set<Integer> used, List<String> invalid) {
        int i = 0;
        while (i < tokens.size()) {
            if (!tokens.get(i).isDigits() || used.contains(i)) {
                i++;
                continue;
            }
            int end = i;
            int digits = tokens.get(i).text().length();
            while (end + 1 < tokens.size() && !used.contains(end + 1) && tokens.get(end + 1).isDigits()
                    && joins(tokens.get(end + 1).gapBefore())) {
                end++;
                digits += tokens.get(end).text().length();
            }
            boolean longGroup = false;
            for (int j = i; j <= end; j++) {
                longGroup |= tokens.get(j).text().length() >= 4;
            }
            // "1 2 3 4 5 6 7 8 9" is not a phone; a phone has at least one group of four or more digits.
            if (digits >= PHONE_LIKE_DIGITS && longGroup) {
                StringBuilder text = new StringBuilder();
                for (int j = i; j <= end; j++) {
                    text.append(tokens.get(j).text());
                    used.add(j);
                }
                invalid.add(text.toString());
            }
            i = end + 1;
        }
    }
}
