package vn.chotdon.comments;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of live-sale comments, folded (no diacritics) as {@link CommentNormaliser} leaves them.
 * Kept in one place so that the matchers agree on what is noise and what carries meaning.
 */
final class Vocabulary {

    /** Words that say "I am ordering": chốt, lấy, mua, đặt, "cho em". */
    static final Set<String> ORDER_WORDS = Set.of("chot", "lay", "mua", "dat", "order", "oder", "od", "ship", "gui");
    /**
     * Signal words whose folded form is also another word: "đắt" (dear) and "đạt" fold to "dat" as "đặt"
     * does, "mùa" (season) to "mua", "lây" to "lay", "Gia Lâm" to the "gia" of "giá". Typed with
     * diacritics, only these forms carry the signal; in a comment typed without any, the folded word is
     * taken at its word.
     */
    static final Map<String, Set<String>> SIGNAL_FORMS = Map.of(
            "dat", Set.of("đặt"), "mua", Set.of("mua"), "lay", Set.of("lấy"), "gui", Set.of("gửi", "gởi"),
            "gia", Set.of("giá"));
    /** "cho" orders only with a person after it: "cho em 2 hộp", not "chúc shop cho nhiều đơn". */
    static final Set<String> PRONOUNS = Set.of("e", "em", "minh", "chi", "c", "anh", "a", "toi", "tui", "to",
            "co", "bac", "me", "con", "chau");

    /** Units people put after a quantity: "2c", "2 cái", "3 hộp", "2 kg", "2 ký", "1 cân". */
    static final Set<String> UNITS = Set.of("c", "cai", "hop", "kg", "kgs", "ky", "ki", "kilo", "can", "chai",
            "hu", "lo", "tui", "qua", "trai", "bo", "cay", "goi", "thung", "phan", "suat", "set", "combo", "chiec",
            "khay", "bich", "lit", "l", "x", "cuon", "mam", "nai", "xuat", "sp", "mon", "q");
    /** Words before a quantity: "x2", "sl 2", "slg: 2", "số lượng 2". */
    static final Set<String> QUANTITY_MARKERS = Set.of("x", "sl", "slg", "soluong");
    /** Money after a number: "200 nghìn", "2 trăm": a price, never a quantity ("5k" is unclear, see QuantityReader). */
    static final Set<String> MONEY = Set.of("k", "tr", "d", "vnd", "nghin", "ngan", "trieu", "dong", "tram");
    /** After a number, a time: "9 giờ", "9h", "15 phút". Not a quantity. */
    static final Set<String> TIME_UNITS = Set.of("gio", "h", "phut", "p", "g", "ngay", "thang", "hom", "tuan");
    /** Before a number, a date or a place: "ngày 15", "ngõ 5", "số 8", "thôn 3", "phòng 201". Not a quantity. */
    static final Set<String> NUMBER_PLACES = Set.of("ngay", "thang", "ngo", "ngach", "hem", "kiet", "so", "thon",
            "xom", "khu", "phong", "tang", "duong", "quan", "phuong", "block", "toa");

    /** "1 chục" is ten in some regions and a dozen-ish bundle in others: a person decides. */
    static final String TENS = "chuc";

    static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("mot", 1), Map.entry("hai", 2), Map.entry("ba", 3), Map.entry("bon", 4), Map.entry("tu", 4),
            Map.entry("nam", 5), Map.entry("sau", 6), Map.entry("bay", 7), Map.entry("tam", 8),
            Map.entry("chin", 9), Map.entry("muoi", 10));

    /** Labels before a phone: sđt, đt, số điện thoại, phone, zalo, liên hệ. */
    static final Set<String> PHONE_LABELS = Set.of("sdt", "sdth", "dt", "so", "dien", "thoai", "phone", "tel",
            "zalo", "lh", "dthoai");

    /**
     * Words that, with the order words, pronouns, units and phone labels, are the ordinary noise
     * around an order: politeness particles, "shop ơi", "ib", "nhé", "với", "giúp".
     */
    static final Set<String> PARTICLES = Set.of("a", "ah", "ak", "ha", "nha", "nhe", "nhen", "nghen", "ne", "nhi",
            "shop", "sop", "oi", "ib", "inbox", "ad", "admin", "voi", "luon", "giup", "gium", "dum", "ho", "cam", "on",
            "nhieu", "ok", "oke", "okie", "okay", "cho", "va", "them", "nua", "vs", "nhat", "dinh", "lien", "nhanh",
            "de", "nhu", "tren", "live", "roi", "thi", "la", "cua", "ve", "ma", "lun", "e", "em", "the",
            "moi", "ngay", "hom", "nay", "ca", "tat", "dc", "duoc", "j", "gi", "chi", "c", "ban");

    /** Phrases of a question (about stock, price, shipping); a trailing "không/chưa" also asks. */
    static final List<List<String>> QUESTION_PHRASES = List.of(
            List.of("con", "khong"), List.of("con", "ko"), List.of("con", "k"), List.of("con", "kh"),
            List.of("con", "hang"), List.of("con", "hok"), List.of("het", "chua"), List.of("het", "hang", "chua"),
            List.of("bao", "nhieu"), List.of("bn"), List.of("gia"), List.of("bao", "gio"), List.of("khi", "nao"),
            List.of("the", "nao"), List.of("nhu", "nao"), List.of("cho", "hoi"), List.of("sao"),
            List.of("co", "ship"), List.of("ship", "khong"), List.of("ship", "ko"), List.of("ship", "k"),
            List.of("phi", "ship"), List.of("duoc", "khong"), List.of("dc", "khong"), List.of("duoc", "ko"),
            List.of("dc", "ko"), List.of("dc", "k"), List.of("co", "khong"), List.of("co", "ko"), List.of("lam", "sao"),
            List.of("may", "gio"), List.of("may", "ngay"), List.of("bao", "lau"), List.of("o", "dau"),
            List.of("la", "gi"), List.of("chung", "nao"), List.of("co", "san"), List.of("voi", "gi"),
            List.of("gi", "vay"), List.of("lam", "gi"), List.of("cai", "nao"), List.of("loai", "nao"),
            List.of("mon", "nao"));
    /** Words that end a question when they close the comment: "bg01 còn k", "ship Huế chưa". */
    static final Set<String> QUESTION_ENDINGS = Set.of("khong", "ko", "k", "kh", "hok", "hong", "chua", "ha",
            "hem", "khum");
    /** Particles allowed after a question ending: "còn k shop ơi", "còn không ạ". */
    static final Set<String> TRAILING = Set.of("shop", "sop", "oi", "a", "ah", "ak", "nhi", "vay", "day", "ad",
            "ha", "e", "em", "c", "chi", "nha", "nhe");

    static final List<List<String>> CANCEL_PHRASES = List.of(
            List.of("huy"), List.of("cancel"), List.of("khong", "lay", "nua"), List.of("ko", "lay", "nua"),
            List.of("k", "lay", "nua"), List.of("khong", "mua", "nua"), List.of("ko", "mua", "nua"),
            List.of("k", "mua", "nua"), List.of("bo", "don"), List.of("thoi", "khong", "lay"),
            List.of("thoi", "ko", "lay"), List.of("khong", "lay"), List.of("ko", "lay"), List.of("k", "lay"));

    /**
     * A change to an order already placed: "đổi bg01 thành 3", "sửa lại bc02 x1": a verb, then within a
     * few words what it becomes.
     */
    static final Set<String> CHANGE_VERBS = Set.of("doi", "sua");
    static final Set<String> CHANGE_OBJECTS = Set.of("thanh", "lai", "sang", "don");

    /**
     * A past order: "hôm qua", "lần trước", "đặt rồi". Its order words tell a story ("lần trước em mua
     * bánh chưng ngon lắm"); its items may be an order placed before, which a new intent would double.
     */
    static final List<List<String>> EARLIER_PHRASES = List.of(
            List.of("hom", "qua"), List.of("hom", "truoc"), List.of("lan", "truoc"), List.of("nam", "ngoai"),
            List.of("nam", "truoc"), List.of("luc", "nay"), List.of("hoi", "nay"), List.of("dat", "roi"),
            List.of("chot", "roi"), List.of("mua", "roi"), List.of("da", "dat"), List.of("da", "chot"),
            List.of("da", "mua"));

    /** "mỗi loại 2", "mỗi thứ 2 cái", "mỗi món 1": one quantity for every item named. */
    static final Set<String> EACH = Set.of("moi");

    /** "nửa cân", "nửa ký": half a unit, a person decides. */
    static final String HALF = "nua";

    private Vocabulary() {
    }

    static boolean known(String word) {
        return ORDER_WORDS.contains(word) || PRONOUNS.contains(word) || UNITS.contains(word)
                || QUANTITY_MARKERS.contains(word) || MONEY.contains(word) || NUMBER_WORDS.containsKey(word)
                || PHONE_LABELS.contains(word) || PARTICLES.contains(word) || word.equals("luong");
    }
}
