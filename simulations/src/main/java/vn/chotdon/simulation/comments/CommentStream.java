package vn.chotdon.simulation.comments;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The comments of a live sale's stream, generated from a seed: what buyers really write under a
 * Vietnamese live — codes in any case, with spaces, dashes or a dropped zero; product names instead
 * of codes, with or without diacritics; quantities as x2, 2c, sl 2, hai, 2 cái, 1 ký; phones in every
 * local form; emoji, stretched letters and "nha", "nhé"; and around the orders the comments a person
 * has to read (no phone, a buyer never seen before, the same order said twice, a mistyped code or
 * phone, a product word that fits several items, questions, cancellations) and chatter. The same
 * seed, lineup and buyers give the same stream, to the character.
 *
 * <p>Each comment carries its {@link CommentKind} and what it orders, so a test can hold the stream
 * to the live-comments parser, and the demo can say what order-service should make of it.
 */
public final class CommentStream {

    /** How many comments of each kind a stream has: 300 in all (fewer ORDER and REPEAT with fewer regular buyers). */
    public static final Map<CommentKind, Integer> MIX = mix();
    /** Comments per forwarder batch (order-service takes 1 to 500). */
    public static final int BATCH_SIZE = 25;
    /** The last comments of a batch that the forwarder sends again at the start of the next (its window overlaps). */
    public static final int OVERLAP = 2;
    /** Every fifth batch is posted twice whole: the forwarder did not get the first answer in time. */
    public static final int RESEND_EVERY = 5;

    private static final long FIRST_COMMENT_ID = 7_301_234_567_890_000_000L;
    private static final String[] NAMES = { "Chị Lan", "Lan Nguyễn", "Mẹ Bống", "Hoa Trần", "Thu Hà", "Anh Tuấn",
        "Cô Mai", "Bà Tư Đan Phượng", "Ngọc Ánh", "Minh Thư", "Hương Lê", "Phạm Hằng", "Mẹ Su Su", "Thanh Tâm",
        "Đỗ Quyên", "Vân Anh", "Nguyễn Thị Hạnh", "Chú Bảy", "Hà My", "Trang Phạm", "Linh Chi", "Bích Ngọc",
        "Út Em", "Kim Oanh", "Thảo Vy", "Hồng Nhung", "Tú Anh", "Dì Sáu", "Loan Hoàng", "Phương Thảo" };
    private static final String[] LEADS = { "", "", "", "chốt ", "chốt ", "Chốt ", "chot ", "CHỐT ", "e lấy ", "cho e ",
        "cho mình ", "lấy ", "mua ", "chốt đơn ", "chốttt ", "em chốt ", "chốt 🔥 " };
    private static final String[] TAILS = { "", "", "", " nha", " nhé", " ạ", " nha shop", " 😍", " 🔥🔥", " ❤️",
        " nhaaa", " c ơi", " !!!", " nhé chị", " 👍" };
    private static final String[] PHONE_LABELS = { "", "", "", "sdt ", "sđt ", "sđt: ", "SĐT ", "đt ", "zalo ", "sdt:" };
    private static final String[] NEW_PREFIXES = { "098", "097", "096", "086", "094", "088", "083", "085", "081",
        "070", "079", "077", "076", "090", "093", "032", "033", "035", "036", "038", "039", "056", "058" };
    private static final String[] NUMBER_WORDS = { "", "một", "hai", "ba" };
    private static final String[] PLACES = { "Hà Đông", "Hải Phòng", "Bắc Ninh", "Sài Gòn", "Thái Bình", "Nam Định" };
    private static final String[] CHATTER = { "đẹp quá shop ơi", "chúc shop đắt hàng", "hi shop", "em ở đây nè",
        "❤️❤️❤️", "Đan Phượng quê em đây", "xem live từ Hà Đông nè", "chị Huệ xinh quá", "👍👍", "hay quá",
        "tối nay đông người xem ghê", "ib", "chào cả nhà", "mới vào live", "😍😍😍", "thả tim cho shop nè" };

    private final Random random;
    private final List<LineupEntry> lineup;
    private final List<RegularBuyer> regulars;
    private final Set<String> phonesInUse = new HashSet<>();
    private int regularsTaken;

    private CommentStream(long seed, List<LineupEntry> lineup, List<RegularBuyer> regulars) {
        this.random = new Random(seed);
        this.lineup = List.copyOf(lineup);
        this.regulars = List.copyOf(regulars);
        regulars.forEach(buyer -> phonesInUse.add(buyer.phone()));
    }

    /**
     * @param regulars buyers who ordered before, in the order they did: ORDER comments take them in
     *                 this order, one each, so the earliest comments name the earliest buyers
     */
    public static List<StreamComment> generate(long seed, List<LineupEntry> lineup, List<RegularBuyer> regulars) {
        if (lineup.size() < 2) {
            throw new IllegalArgumentException("a stream needs a lineup of two items or more");
        }
        return new CommentStream(seed, lineup, regulars).stream();
    }

    /** The kinds a stream generated with this many regular buyers has, and how many of each. */
    public static Map<CommentKind, Integer> mixFor(int regularBuyers) {
        Map<CommentKind, Integer> counts = new EnumMap<>(MIX);
        int orders = Math.min(MIX.get(CommentKind.ORDER), regularBuyers);
        counts.put(CommentKind.ORDER, orders);
        counts.put(CommentKind.REPEAT, Math.min(MIX.get(CommentKind.REPEAT), orders / 2));
        return counts;
    }

    /**
     * The stream as a forwarder posts it: batches of {@link #BATCH_SIZE}, each after the first
     * starting with the last {@link #OVERLAP} comments of the one before, and every
     * {@link #RESEND_EVERY}th batch posted a second time whole.
     */
    public static List<ForwarderBatch> batches(List<StreamComment> stream) {
        List<ForwarderBatch> batches = new ArrayList<>();
        int number = 0;
        for (int from = 0; from < stream.size(); from += BATCH_SIZE) {
            List<StreamComment> comments = List.copyOf(stream.subList(from == 0 ? 0 : from - OVERLAP,
                    Math.min(stream.size(), from + BATCH_SIZE)));
            number++;
            batches.add(new ForwarderBatch(number, comments, false));
            if (number % RESEND_EVERY == 0) {
                batches.add(new ForwarderBatch(number, comments, true));
            }
        }
        return batches;
    }

    private static Map<CommentKind, Integer> mix() {
        Map<CommentKind, Integer> mix = new EnumMap<>(CommentKind.class);
        mix.put(CommentKind.ORDER, 90);
        mix.put(CommentKind.REPEAT, 20);
        mix.put(CommentKind.NEW_BUYER, 40);
        mix.put(CommentKind.NO_PHONE, 32);
        mix.put(CommentKind.TYPO, 22);
        mix.put(CommentKind.AMBIGUOUS, 16);
        mix.put(CommentKind.QUESTION, 20);
        mix.put(CommentKind.CANCELLATION, 10);
        mix.put(CommentKind.CHATTER, 50);
        return Collections.unmodifiableMap(mix);
    }

    /** A comment before it has its place in the stream. */
    private record Draft(String name, CommentKind kind, String text, Map<String, Integer> lines, String phone) {
    }

    private List<StreamComment> stream() {
        Map<CommentKind, Integer> counts = mixFor(regulars.size());
        List<CommentKind> kinds = new ArrayList<>();
        counts.forEach((kind, n) -> {
            if (kind != CommentKind.REPEAT) {
                kinds.addAll(Collections.nCopies(n, kind));
            }
        });
        Collections.shuffle(kinds, random);
        List<Draft> drafts = new ArrayList<>();
        for (CommentKind kind : kinds) {
            drafts.add(draft(kind));
        }
        insertRepeats(drafts, counts.get(CommentKind.REPEAT));

        List<StreamComment> stream = new ArrayList<>();
        long id = FIRST_COMMENT_ID;
        for (Draft draft : drafts) {
            id += 1 + random.nextInt(999_999);
            stream.add(new StreamComment(stream.size(), Long.toString(id), draft.name(), commenterId(draft.name()),
                    draft.text(), draft.kind(), draft.lines(), draft.phone()));
        }
        return List.copyOf(stream);
    }

    /**
     * The same buyer comments the same code again, 40 to 100 comments later (a later batch, so the
     * first comment's order exists by then): of the first 60 % of ORDER comments, in a random choice.
     */
    private void insertRepeats(List<Draft> drafts, int repeats) {
        List<Integer> orders = new ArrayList<>();
        for (int i = 0; i < drafts.size() * 6 / 10; i++) {
            if (drafts.get(i).kind() == CommentKind.ORDER) {
                orders.add(i);
            }
        }
        Collections.shuffle(orders, random);
        TreeMap<Integer, List<Draft>> inserts = new TreeMap<>(Collections.reverseOrder());
        for (int original : orders.subList(0, Math.min(repeats, orders.size()))) {
            Draft first = drafts.get(original);
            String code = first.lines().keySet().iterator().next();
            Map<String, Integer> lines = Map.of(code, quantity());
            String text = order(lines, first.phone());
            int at = Math.min(drafts.size(), original + 40 + random.nextInt(60));
            inserts.computeIfAbsent(at, k -> new ArrayList<>())
                    .add(new Draft(first.name(), CommentKind.REPEAT, text, lines, first.phone()));
        }
        inserts.forEach((at, repeated) -> drafts.addAll(at, repeated));
    }

    private Draft draft(CommentKind kind) {
        String name = NAMES[random.nextInt(NAMES.length)];
        return switch (kind) {
            case ORDER -> {
                RegularBuyer buyer = regulars.get(regularsTaken++);
                Map<String, Integer> lines = lines(lineup.stream().map(LineupEntry::code)
                        .filter(code -> !code.equals(buyer.orderedCode())).toList());
                yield new Draft(name, kind, order(lines, buyer.phone()), lines, buyer.phone());
            }
            case NEW_BUYER -> {
                Map<String, Integer> lines = lines(lineup.stream().map(LineupEntry::code).toList());
                String phone = newPhone();
                yield new Draft(name, kind, order(lines, phone), lines, phone);
            }
            case NO_PHONE -> {
                Map<String, Integer> lines = lines(lineup.stream().map(LineupEntry::code).toList());
                yield new Draft(name, kind, order(lines, null), lines, null);
            }
            case TYPO -> typo(name);
            case AMBIGUOUS -> ambiguous(name);
            case QUESTION -> new Draft(name, kind, question(), Map.of(), null);
            case CANCELLATION -> new Draft(name, kind, cancellation(), Map.of(), null);
            case CHATTER -> new Draft(name, kind, chatter(), Map.of(), null);
            case REPEAT -> throw new IllegalArgumentException("repeats are made from ORDER comments");
        };
    }

    /**
     * One item (most comments) or two, from these codes (in lineup order), with quantities 1 to 3.
     * The first code comes first three times in five: the lineup's first item is the one the host
     * talks about most.
     */
    private Map<String, Integer> lines(List<String> codes) {
        List<String> rest = new ArrayList<>(codes.subList(1, codes.size()));
        Collections.shuffle(rest, random);
        List<String> ordered = new ArrayList<>(rest);
        ordered.add(random.nextInt(5) < 3 ? 0 : ordered.size(), codes.get(0));
        Map<String, Integer> lines = new LinkedHashMap<>();
        int items = ordered.size() > 1 && random.nextInt(5) == 0 ? 2 : 1;
        for (String code : ordered.subList(0, items)) {
            lines.put(code, quantity());
        }
        return Collections.unmodifiableMap(lines);
    }

    private int quantity() {
        int roll = random.nextInt(10);
        return roll < 6 ? 1 : roll < 9 ? 2 : 3;
    }

    /**
     * The items as written: codes in their many forms or product names, each with its quantity. With
     * two items each quantity follows its item ("bg01 x2, bánh chưng 1"): "bg01 2 bánh chưng" is
     * as unclear to a person as to the parser.
     */
    private String itemsText(Map<String, Integer> lines) {
        boolean several = lines.size() > 1;
        List<String> items = new ArrayList<>();
        lines.forEach((code, quantity) -> items.add(itemText(entry(code), quantity, several)));
        String separator = pick(" ", ", ", " + ", " ");
        return String.join(separator, items);
    }

    private String itemText(LineupEntry item, int quantity, boolean several) {
        if (random.nextInt(10) < 7) {
            return codeForm(item.code()) + quantityAfter(item, quantity, true, several);
        }
        String name = productWords(item);
        // A name alone ("bánh gio nhé") may be talk rather than an order: named items always say how many.
        return several || random.nextBoolean() ? name + quantityAfter(item, quantity, false, true)
                : quantityBefore(item, quantity) + name;
    }

    private String codeForm(String code) {
        String letters = code.replaceAll("[0-9]", "");
        String digits = code.replaceAll("[^0-9]", "");
        String lower = code.toLowerCase(Locale.ROOT);
        return switch (random.nextInt(9)) {
            case 0, 1 -> code;
            case 2, 3 -> lower;
            case 4 -> letters.charAt(0) + letters.substring(1).toLowerCase(Locale.ROOT) + digits;
            case 5 -> letters + " " + digits;
            case 6 -> letters.toLowerCase(Locale.ROOT) + "-" + digits;
            case 7 -> "#" + code;
            default -> letters.toLowerCase(Locale.ROOT) + Integer.parseInt(digits);
        };
    }

    /**
     * @param afterCode a glued "x2" is read after a code ("BG01x2") but not after a word, and a number word
     *                  alone after a name ("giò lụa hai") is rather talk than an order
     * @param always    the quantity is written even when it is 1
     */
    private String quantityAfter(LineupEntry item, int quantity, boolean afterCode, boolean always) {
        boolean byWeight = "kg".equals(item.unit());
        if (quantity == 1 && !always && random.nextBoolean()) {
            return "";
        }
        return switch (random.nextInt(byWeight ? 9 : 10)) {
            case 0 -> " x" + quantity;
            case 1 -> " X" + quantity;
            case 2 -> " x " + quantity;
            case 3 -> afterCode ? "x" + quantity : " x" + quantity;
            case 4 -> " sl " + quantity;
            case 5 -> " sl: " + quantity;
            case 6 -> afterCode ? " " + NUMBER_WORDS[quantity] : " " + quantity + " " + unitWord(item);
            case 7 -> " " + quantity + " " + unitWord(item);
            case 8 -> byWeight ? " " + quantity + "kg" : " " + quantity;
            default -> " " + quantity + "c";
        };
    }

    private String quantityBefore(LineupEntry item, int quantity) {
        return switch (random.nextInt(3)) {
            case 0 -> quantity + " ";
            case 1 -> NUMBER_WORDS[quantity] + " ";
            default -> quantity + " " + unitWord(item) + " ";
        };
    }

    private String unitWord(LineupEntry item) {
        return "kg".equals(item.unit()) ? pick("kg", "ký", "cân") : pick("cái", "cái", "hộp", "chiếc");
    }

    /** The product's first two words, as buyers call it ("bánh gio", "giò lụa"). */
    private static String productWords(LineupEntry item) {
        String[] words = item.productName().toLowerCase(Locale.ROOT).split(" ");
        return words.length < 2 ? words[0] : words[0] + " " + words[1];
    }

    /** An order: a lead word ("chốt", "e lấy", or none) before its items. */
    private String order(Map<String, Integer> lines, String phone) {
        return compose(pick(LEADS) + itemsText(lines), phone);
    }

    /** A comment around its body: the phone before or after, a tail; some typed without diacritics or in capitals. */
    private String compose(String body, String phone) {
        String text = body + pick(TAILS);
        if (phone != null) {
            String label = pick(PHONE_LABELS);
            boolean first = random.nextInt(6) == 0;
            // In pairs ("09 12 34 56 78") right after a code's number the phone's first pair would join the code.
            String written = label + phoneForm(phone, first || !label.isEmpty());
            text = first ? written + " " + text : text.strip() + " " + written;
        }
        return style(text.strip());
    }

    private String style(String text) {
        int roll = random.nextInt(20);
        return roll < 5 ? fold(text) : roll == 5 ? text.toUpperCase(Locale.ROOT) : text;
    }

    /** The phone in one of the ways buyers type it. */
    private String phoneForm(String phone, boolean inPairs) {
        String national = phone.substring(1);
        int form = random.nextInt(10);
        return switch (form == 5 && !inPairs ? 0 : form) {
            case 0, 1 -> phone;
            case 2 -> phone.substring(0, 4) + " " + phone.substring(4, 7) + " " + phone.substring(7);
            case 3 -> phone.substring(0, 4) + "." + phone.substring(4, 7) + "." + phone.substring(7);
            case 4 -> phone.substring(0, 4) + "-" + phone.substring(4, 7) + "-" + phone.substring(7);
            case 5 -> phone.substring(0, 2) + " " + phone.substring(2, 4) + " " + phone.substring(4, 6) + " "
                    + phone.substring(6, 8) + " " + phone.substring(8);
            case 6 -> "+84 " + national.substring(0, 3) + " " + national.substring(3, 6) + " " + national.substring(6);
            case 7 -> "+84" + national;
            case 8 -> "84" + national;
            default -> "(+84) " + national.substring(0, 3) + " " + national.substring(3, 6) + " " + national.substring(6);
        };
    }

    /** A mobile number of a buyer the cooperative has never seen. */
    private String newPhone() {
        while (true) {
            String phone = NEW_PREFIXES[random.nextInt(NEW_PREFIXES.length)]
                    + String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000));
            if (phonesInUse.add(phone)) {
                return phone;
            }
        }
    }

    /** A code typed wrong (another item's number, letters swapped) or a phone with a digit lost or doubled. */
    private Draft typo(String name) {
        LineupEntry item = lineup.get(random.nextInt(lineup.size()));
        int quantity = quantity();
        String phone = random.nextBoolean() ? newPhone() : regulars.isEmpty() ? newPhone()
                : regulars.get(random.nextInt(regulars.size())).phone();
        if (random.nextInt(5) < 3) {
            String wrong = wrongCode(item.code());
            String text = compose(pick("", "chốt ", "lấy ") + wrong + pick(" x", " sl ", " ") + quantity, phone);
            return new Draft(name, CommentKind.TYPO, text, Map.of(), phone);
        }
        int at = 3 + random.nextInt(6);
        String mistyped = random.nextBoolean() ? phone.substring(0, at) + phone.substring(at + 1)
                : phone.substring(0, at) + phone.charAt(at) + phone.substring(at);
        String text = pick("", "chốt ", "lấy ") + codeForm(item.code()) + " x" + quantity + " " + pick(PHONE_LABELS)
                + mistyped + pick(TAILS);
        return new Draft(name, CommentKind.TYPO, text.strip(), Map.of(item.code(), quantity), null);
    }

    /** The code's letters with a number no item of those letters has, or its letters swapped. */
    private String wrongCode(String code) {
        String letters = code.replaceAll("[0-9]", "");
        int number = Integer.parseInt(code.replaceAll("[^0-9]", ""));
        Set<String> taken = new HashSet<>();
        lineup.forEach(item -> taken.add(item.code()));
        if (random.nextBoolean()) {
            String swapped = new StringBuilder(letters).reverse() + code.replaceAll("[^0-9]", "");
            if (!taken.contains(swapped) && !swapped.equals(code)) {
                return swapped;
            }
        }
        while (true) {
            int other = 1 + random.nextInt(12);
            String wrong = letters + String.format(Locale.ROOT, "%02d", other);
            if (other != number && !taken.contains(wrong) && lineup.stream().noneMatch(item ->
                    item.code().startsWith(letters) && Integer.parseInt(item.code().replaceAll("[^0-9]", "")) == other)) {
                return random.nextBoolean() ? wrong : wrong.toLowerCase(Locale.ROOT);
            }
        }
    }

    /** A word that fits several products ("bánh": bánh gio and bánh chưng), or an order with no item at all. */
    private Draft ambiguous(String name) {
        int quantity = 1 + random.nextInt(3);
        List<String> shared = sharedWords();
        int form = shared.isEmpty() ? 3 + random.nextInt(2) : random.nextInt(5);
        // The last form has no phone: "chốt ạ" alone.
        String phone = form < 4 && random.nextBoolean() ? newPhone() : null;
        String text = switch (form) {
            case 0 -> compose("chốt " + pick(shared) + " x" + quantity, phone);
            case 1 -> compose("lấy " + quantity + " cái " + pick(shared), phone);
            case 2 -> compose(pick(shared) + " " + quantity, phone);
            case 3 -> compose(pick("chốt", "em lấy " + quantity + " cái", "chốt luôn"), phone);
            default -> pick("e lấy " + quantity + " cái nha", "chốt ạ", "chốt đơn cho e");
        };
        return new Draft(name, CommentKind.AMBIGUOUS, text, Map.of(), phone);
    }

    /**
     * Words of two products' names or more, as a buyer would type them: with the names' own
     * diacritics when the products share them ("bánh"), without any when they differ only by them
     * ("gio": bánh gio and giò lụa).
     */
    private List<String> sharedWords() {
        Map<String, Set<String>> typedByFolded = new TreeMap<>();
        Map<String, Integer> products = new TreeMap<>();
        for (LineupEntry item : lineup) {
            Set<String> seen = new HashSet<>();
            for (String word : item.productName().toLowerCase(Locale.ROOT).split(" ")) {
                String folded = fold(word);
                if (seen.add(folded)) {
                    products.merge(folded, 1, Integer::sum);
                    typedByFolded.computeIfAbsent(folded, k -> new HashSet<>()).add(word);
                }
            }
        }
        List<String> shared = new ArrayList<>();
        products.forEach((folded, n) -> {
            if (n > 1) {
                Set<String> typed = typedByFolded.get(folded);
                shared.add(typed.size() == 1 ? typed.iterator().next() : folded);
            }
        });
        return shared;
    }

    private String question() {
        LineupEntry item = lineup.get(random.nextInt(lineup.size()));
        String name = productWords(item);
        return switch (random.nextInt(10)) {
            case 0 -> "còn " + name + " không shop?";
            case 1 -> item.code() + " còn không ạ";
            case 2 -> "giá " + name + " bao nhiêu vậy shop";
            case 3 -> name + " bao nhiêu 1 " + ("kg".equals(item.unit()) ? "kg" : "cái") + " ạ";
            case 4 -> "ship về " + pick(PLACES) + " được không ạ";
            case 5 -> "có ship COD không shop";
            case 6 -> "live hôm nay mấy giờ kết thúc vậy";
            case 7 -> name + " có ship lạnh không ạ";
            case 8 -> item.code().toLowerCase(Locale.ROOT) + " còn bao nhiêu vậy c";
            default -> "chốt " + item.code().toLowerCase(Locale.ROOT) + " x2 nhưng giao thứ 7 được không";
        };
    }

    private String cancellation() {
        LineupEntry item = lineup.get(random.nextInt(lineup.size()));
        return switch (random.nextInt(6)) {
            case 0 -> "huỷ đơn giúp em nha";
            case 1 -> "hủy " + item.code().toLowerCase(Locale.ROOT);
            case 2 -> "e k lấy nữa nha shop";
            case 3 -> "huỷ giúp em đơn " + productWords(item) + " nhé, em đặt nhầm";
            case 4 -> "thôi em không lấy " + productWords(item) + " nữa ạ";
            default -> "hủy đơn " + item.code() + " của em với";
        };
    }

    private String chatter() {
        if (random.nextInt(5) == 0) {
            String name = productWords(lineup.get(random.nextInt(lineup.size())));
            return random.nextBoolean() ? name + " nhà chị gói đẹp ghê" : "lần trước e mua " + name + " rất ngon";
        }
        return pick(CHATTER);
    }

    private LineupEntry entry(String code) {
        return lineup.stream().filter(item -> item.code().equals(code)).findFirst().orElseThrow();
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** The platform's id of a commenter, made from the display name ("Chị Lan" → "chilan.4821"). */
    private String commenterId(String name) {
        return fold(name).toLowerCase(Locale.ROOT).replace(" ", "") + "." + (1000 + random.nextInt(9000));
    }

    /** Without diacritics, as many buyers type on a phone ("Bánh chưng" → "Banh chung"). */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd')
                .replace('Đ', 'D');
    }
}
