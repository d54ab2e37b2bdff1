package vn.chotdon.testing.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Strings that match a simple regular expression, as OpenAPI documents write them: literals,
 * classes ({@code [A-Z0-9_-]}, {@code [^...]}, {@code \d \w \s \S \p{L}}), the dot, groups with
 * alternatives, and the quantifiers {@code ? * + {n} {n,} {n,m}}. Anchors are accepted and make no
 * difference: what is generated always matches whole. Look-arounds and back-references are not
 * supported ({@link Unsupported}). Which characters a class holds is asked of
 * {@link java.util.regex.Pattern} itself, among a pool of realistic characters first.
 */
final class RegexStrings {

    /** Characters a class is first tried with: what Vietnamese text, codes, phones and URLs are made of. */
    static final String POOL = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + " -_.,:;/+@#&()'!?=%~*"
            + "àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
            + "ÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬĐÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ";
    private static final int UNBOUNDED_EXTRA = 8;
    private static final Map<String, char[]> CLASS_MEMBERS = new ConcurrentHashMap<>();

    /** A construct the generator does not handle; the caller falls back to the schema's example. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message);
        }
    }

    private final String regex;
    private final RandomGenerator random;
    private int at;

    private RegexStrings(String regex, RandomGenerator random) {
        this.regex = regex;
        this.random = random;
    }

    /** A string the whole of which matches {@code regex}. */
    static String generate(String regex, RandomGenerator random) {
        RegexStrings parser = new RegexStrings(regex, random);
        StringBuilder out = new StringBuilder();
        parser.alternatives(out);
        if (parser.at < regex.length()) {
            throw new Unsupported("unexpected '" + regex.charAt(parser.at) + "' at " + parser.at + " in " + regex);
        }
        String result = out.toString();
        if (!Pattern.compile(regex).matcher(result).matches()) {
            throw new Unsupported("generated '" + result + "' does not match " + regex);
        }
        return result;
    }

    /** Whether the pattern says where the match starts and ends, as code that checks a whole value means it. */
    static boolean anchored(String regex) {
        return regex.startsWith("^") && regex.endsWith("$") && !regex.endsWith("\\$");
    }

    private void alternatives(StringBuilder out) {
        List<StringBuilder> branches = new ArrayList<>();
        StringBuilder branch = new StringBuilder();
        branches.add(branch);
        // Every branch is generated (the random stays in step); one is kept.
        sequence(branch);
        while (at < regex.length() && regex.charAt(at) == '|') {
            at++;
            branch = new StringBuilder();
            branches.add(branch);
            sequence(branch);
        }
        out.append(branches.get(random.nextInt(branches.size())));
    }

    private void sequence(StringBuilder out) {
        while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            char c = regex.charAt(at);
            if (c == '^' || c == '$') {
                at++;
                continue;
            }
            Atom atom = atom();
            int[] bounds = quantifier();
            for (int i = times(bounds[0], bounds[1]); i > 0; i--) {
                atom.appendTo(out);
            }
        }
    }

    /** Mostly a few more than the least, now and then anything up to the most. */
    private int times(int min, int max) {
        int span = max - min;
        if (span <= 0) {
            return min;
        }
        return min + (random.nextInt(8) == 0 ? random.nextInt(span + 1) : random.nextInt(Math.min(span, UNBOUNDED_EXTRA) + 1));
    }

    private interface Atom {
        void appendTo(StringBuilder out);
    }

    private Atom atom() {
        char c = regex.charAt(at);
        if (c == '(') {
            at++;
            if (regex.startsWith("?:", at)) {
                at += 2;
            } else if (regex.charAt(at) == '?') {
                throw new Unsupported("look-around or flags in " + regex);
            }
            int groupStart = at;
            alternatives(new StringBuilder());
            int groupEnd = at;
            expect(')');
            String group = regex.substring(groupStart, groupEnd);
            return out -> {
                RegexStrings inner = new RegexStrings(group, random);
                inner.alternatives(out);
            };
        }
        if (c == '[') {
            int start = at;
            at++;
            if (at < regex.length() && regex.charAt(at) == '^') {
                at++;
            }
            if (at < regex.length() && regex.charAt(at) == ']') {
                at++;
            }
            while (at < regex.length() && regex.charAt(at) != ']') {
                if (regex.charAt(at) == '\\') {
                    at++;
                    if (at < regex.length() && (regex.charAt(at) == 'p' || regex.charAt(at) == 'P')
                            && at + 1 < regex.length() && regex.charAt(at + 1) == '{') {
                        at = regex.indexOf('}', at);
                    }
                } else if (regex.charAt(at) == '[') {
                    throw new Unsupported("nested class in " + regex);
                }
                at++;
            }
            expect(']');
            return oneOf(regex.substring(start, at));
        }
        if (c == '\\') {
            int start = at;
            at++;
            if (at >= regex.length()) {
                throw new Unsupported("trailing backslash in " + regex);
            }
            char e = regex.charAt(at);
            if (Character.isDigit(e) || e == 'k' || e == 'b' || e == 'B') {
                throw new Unsupported("back-reference or boundary in " + regex);
            }
            if ((e == 'p' || e == 'P') && at + 1 < regex.length() && regex.charAt(at + 1) == '{') {
                at = regex.indexOf('}', at);
            } else if (e == 'u') {
                at += 4;
            } else if (e == 'x') {
                at += 2;
            }
            at++;
            return oneOf(regex.substring(start, at));
        }
        if (c == '.') {
            at++;
            return oneOf(".");
        }
        if ("*+?{".indexOf(c) >= 0) {
            throw new Unsupported("quantifier without atom in " + regex);
        }
        at++;
        return out -> out.append(c);
    }

    private Atom oneOf(String characterClass) {
        char[] members = CLASS_MEMBERS.computeIfAbsent(characterClass, RegexStrings::members);
        return out -> out.append(members[random.nextInt(members.length)]);
    }

    /** The characters of the pool the class matches, or, when it matches none of them, those of the BMP. */
    private static char[] members(String characterClass) {
        Pattern pattern = Pattern.compile(characterClass);
        StringBuilder found = new StringBuilder();
        POOL.chars().filter(c -> pattern.matcher(String.valueOf((char) c)).matches())
                .forEach(c -> found.append((char) c));
        if (found.isEmpty()) {
            for (char c = 0x21; c < 0xD800 && found.length() < 64; c++) {
                if (pattern.matcher(String.valueOf(c)).matches()) {
                    found.append(c);
                }
            }
        }
        if (found.isEmpty()) {
            throw new Unsupported("no character matches " + characterClass);
        }
        return found.toString().toCharArray();
    }

    /** {min, max} of the quantifier after an atom; {1, 1} when there is none. */
    private int[] quantifier() {
        if (at >= regex.length()) {
            return new int[] { 1, 1 };
        }
        char c = regex.charAt(at);
        int[] bounds;
        if (c == '?') {
            bounds = new int[] { 0, 1 };
            at++;
        } else if (c == '*') {
            bounds = new int[] { 0, UNBOUNDED_EXTRA };
            at++;
        } else if (c == '+') {
            bounds = new int[] { 1, 1 + UNBOUNDED_EXTRA };
            at++;
        } else if (c == '{' && regex.indexOf('}', at) > at) {
            String[] parts = regex.substring(at + 1, regex.indexOf('}', at)).split(",", -1);
            try {
                int min = Integer.parseInt(parts[0].strip());
                int max = parts.length == 1 ? min
                        : parts[1].isBlank() ? min + UNBOUNDED_EXTRA : Integer.parseInt(parts[1].strip());
                bounds = new int[] { min, max };
            } catch (NumberFormatException e) {
                return new int[] { 1, 1 };
            }
            at = regex.indexOf('}', at) + 1;
        } else {
            return new int[] { 1, 1 };
        }
        if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
            at++;
        }
        return bounds;
    }

    private void expect(char c) {
        if (at >= regex.length() || regex.charAt(at) != c) {
            throw new Unsupported("expected '" + c + "' at " + at + " in " + regex);
        }
        at++;
    }
}
