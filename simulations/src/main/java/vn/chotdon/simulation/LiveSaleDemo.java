package vn.chotdon.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import vn.chotdon.simulation.comments.CommentFeed;
import vn.chotdon.simulation.comments.CommentStream;
import vn.chotdon.simulation.comments.ForwarderBatch;
import vn.chotdon.simulation.comments.LineupEntry;
import vn.chotdon.simulation.comments.RegularBuyer;
import vn.chotdon.simulation.comments.StreamComment;

/**
 * The live sale that inspired Chốt Đơn, played against running services: a cooperative in Đan
 * Phượng, a household making bánh gio, a TikTok session with three items, the host pinning them, a
 * few hundred buyers over about a minute (some tapping twice, some with a mistyped phone, some too
 * late: most of those wait in the sold-out item's line), 300 live comments under the stream posted
 * by a forwarder (orders, repeats, typos, questions, chatter; some batches twice) and staff working
 * their review queue, a few cancellations whose units go to the first in line, bank transfers
 * arriving through the bank-notification webhook (one short of its amount, one without an order
 * code, one delivered twice), staff confirming and delivering cash-on-delivery orders, a return,
 * and the end of the session. Then it prints what a shop owner wants to see: the order tally with
 * its money, the live board, the stock, what became of the comments, how the waitlists moved, the
 * transfers left for review, and what each member household is owed.
 *
 * <p>Options: {@code --catalog URL --livestream URL --order URL --buyers N --seconds S}.
 */
public final class LiveSaleDemo {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COMMISSION_BASIS_POINTS = 800;
    private static final String ACCOUNT_NUMBER = "1023456789";
    private static final int DELIVERED_COD_ORDERS = 20;
    /** The session's lineup as buyers see it on the stream, which its comments name. */
    public static final List<LineupEntry> COMMENT_LINEUP = List.of(new LineupEntry("BG01", "Bánh gio Thanh Huệ", "cái"),
            new LineupEntry("BC02", "Bánh chưng Tranh Khúc", "cái"), new LineupEntry("GL03", "Giò lụa Ước Lễ", "kg"));
    /** The seed of the live comments: the same comments on every run. */
    public static final long COMMENT_SEED = 1301;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String catalog;
    private final String livestream;
    private final String order;
    private final Random random = new Random(2025);
    /** Who the setup and staff calls are: the platform admin first, then the cooperative's owner. Buyers send none. */
    private volatile String bearer = DevTokens.admin();

    private LiveSaleDemo(String catalog, String livestream, String order) {
        this.catalog = catalog;
        this.livestream = livestream;
        this.order = order;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new LiveSaleDemo(options.getOrDefault("catalog", "http://127.0.0.1:8081"),
                options.getOrDefault("livestream", "http://127.0.0.1:8082"),
                options.getOrDefault("order", "http://127.0.0.1:8083"))
                .play(Integer.parseInt(options.getOrDefault("buyers", "400")),
                        Integer.parseInt(options.getOrDefault("seconds", "60")));
    }

    private record Buyer(int n, String phone, String code, int quantity, String payment, boolean tapsTwice) {
        boolean mistyped() {
            return typesPhoneWrong(n);
        }

        /** Two late buyers in three accept the app's offer to wait when their item is sold out. */
        boolean waitsWhenSoldOut() {
            return n % 3 != 0;
        }
    }

    private void play(int buyers, int seconds) throws Exception {
        say("Setting up the cooperative, its household and products in catalog-service");
        long coop = post(catalog + "/cooperatives", Map.of("name", "HTX Nông nghiệp Đan Phượng", "province", "Hà Nội",
                "commune", "Xã Đan Phượng", "phone", "024 3388 1234")).path("id").asLong();
        bearer = DevTokens.owner(coop);
        long household = post(catalog + "/cooperatives/" + coop + "/members", Map.of("name",
                "Hộ bà Nguyễn Thị Thanh Huệ", "phone", "0912 345 678", "commune", "Xã Đan Phượng")).path("id").asLong();
        long butcher = post(catalog + "/cooperatives/" + coop + "/members", Map.of("name",
                "Hộ ông Trần Văn Lực", "phone", "0983 456 123", "commune", "Xã Đan Phượng")).path("id").asLong();
        long banhGio = product(coop, household, "Bánh gio Thanh Huệ", "CAI", 12_000, 4, 1_000);
        long banhChung = product(coop, household, "Bánh chưng Tranh Khúc", "CAI", 60_000, 3, 300);
        long gioLua = product(coop, butcher, "Giò lụa Ước Lễ", "KG", 220_000, null, 100);
        put(catalog + "/cooperatives/" + coop + "/settlement/commission", Map.of("basisPoints", COMMISSION_BASIS_POINTS));
        say(String.format(Locale.ROOT, "The cooperative keeps %.1f %% commission on what its households sell",
                COMMISSION_BASIS_POINTS / 100.0));

        say("Recording the cooperative's bank account (VietQR on every bank-transfer order) and its webhook key");
        post(order + "/cooperatives/" + coop + "/receiving-accounts", Map.of("bankBin", "970436",
                "accountNumber", ACCOUNT_NUMBER, "accountName", "HTX Nông nghiệp Đan Phượng", "makeDefault", true));
        JsonNode webhookKey = put(order + "/payments/webhook-key", null);
        String webhook = order + webhookKey.path("webhookPath").asText();
        String apiKey = webhookKey.path("apiKey").asText();

        say("Planning the TikTok session and its lineup in livestream-service (quotas reserved in catalog)");
        long session = post(livestream + "/sessions", Map.of("cooperativeId", coop,
                "title", "Chốt đơn bánh gio Đan Phượng — tối thứ Sáu", "platform", "TIKTOK",
                "streamUrl", "https://www.tiktok.com/@htxdanphuong/live", "hostName", "Chị Thanh Huệ",
                "scheduledStart", OffsetDateTime.now().plusMinutes(1).toString(), "expectedMinutes", 30,
                "holdMinutes", 30)).path("id").asLong();
        long bg = lineup(session, "BG01", banhGio, 10_000, 600, 10);
        long bc = lineup(session, "BC02", banhChung, 55_000, 150, 4);
        long gl = lineup(session, "GL03", gioLua, 210_000, 60, 3);
        post(livestream + "/sessions/" + session + "/start", null);
        post(livestream + "/sessions/" + session + "/lineup/" + bg + "/pin", null);
        awaitOrderable(session);
        say("Session " + session + " is LIVE. Board stream: " + livestream + "/sessions/" + session + "/board/stream");

        List<Buyer> crowd = new ArrayList<>();
        for (int n = 0; n < buyers; n++) {
            int pick = random.nextInt(100);
            String code = pick < 70 ? "BG01" : pick < 90 ? "BC02" : "GL03";
            String phone = typesPhoneWrong(n) ? "0912 34" + n : String.format(Locale.ROOT, "09%08d", 12_000_000 + n * 7);
            crowd.add(new Buyer(n, phone, code, code.equals("BG01") ? 1 + random.nextInt(4) : 1 + random.nextInt(2),
                    random.nextInt(3) == 0 ? "BANK_TRANSFER" : "COD", n % 12 == 5));
        }
        say(String.format(Locale.ROOT, "%d buyers order over about %d seconds while the host talks...", buyers, seconds));
        Map<Long, JsonNode> receipts = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(16);
        for (Buyer buyer : crowd) {
            long at = (long) seconds * 1000 * buyer.n() / buyers;
            clock.schedule(() -> placeOrder(session, buyer, receipts, outcomes), at, TimeUnit.MILLISECONDS);
        }
        clock.schedule(() -> pin(session, bc, "BC02"), seconds * 1000L / 3, TimeUnit.MILLISECONDS);
        clock.schedule(() -> pin(session, gl, "GL03"), seconds * 2000L / 3, TimeUnit.MILLISECONDS);
        CommentFeed comments = feedLiveComments(clock, coop, session, crowd, seconds);
        clock.schedule(() -> {
            say("Staff work the comments' review queue: accept a repeat, add a new buyer's address, reject a question");
            comments.staffWorkTheQueue();
        }, seconds * 600L, TimeUnit.MILLISECONDS);
        clock.shutdown();
        clock.awaitTermination(seconds + 60L, TimeUnit.SECONDS);

        Waitlist waitlist = new Waitlist(session);
        say(waitlist.whoWaits() + "; a cancellation offers its units to the first in line");

        say("Some buyers change their mind; the bank reports transfers to the webhook; staff confirm COD orders");
        List<JsonNode> placed = new ArrayList<>(receipts.values());
        Collections.shuffle(placed, random);
        int cancelled = 0;
        Map<String, AtomicInteger> transfers = new ConcurrentHashMap<>();
        List<Long> confirmedCod = new ArrayList<>();
        Bank bank = new Bank(webhook, apiKey);
        for (int i = 0; i < placed.size(); i++) {
            JsonNode receipt = placed.get(i);
            String code = receipt.path("order").path("code").asText();
            long id = receipt.path("order").path("id").asLong();
            if (i < 8) {
                send(HttpRequest.newBuilder(URI.create(order + "/buyer/orders/" + code + "/cancel"))
                        .header("X-Order-Token", receipt.path("accessToken").asText())
                        .POST(HttpRequest.BodyPublishers.noBody()).build());
                cancelled++;
            } else if (i % 9 != 0) {
                if ("COD".equals(receipt.path("order").path("paymentMethod").asText())) {
                    send(HttpRequest.newBuilder(URI.create(order + "/orders/" + id + "/confirm"))
                            .header("Authorization", "Bearer " + bearer)
                            .POST(HttpRequest.BodyPublishers.noBody()).build());
                    confirmedCod.add(id);
                } else {
                    long total = receipt.path("order").path("totalVnd").asLong();
                    boolean shortPaid = transfers.isEmpty();
                    JsonNode answer = bank.transfer(memo(code, i), shortPaid ? total - 10_000 : total, i % 25 == 3);
                    transfers.computeIfAbsent(answer.path("outcome").asText() + (answer.path("reviewReason").isTextual()
                            ? " (" + answer.path("reviewReason").asText() + ")" : ""), k -> new AtomicInteger())
                            .incrementAndGet();
                }
            }
        }
        JsonNode noCode = bank.transfer("CHUYEN TIEN MUA BANH GIO", 48_000, false);
        transfers.computeIfAbsent(noCode.path("outcome").asText() + " (" + noCode.path("reviewReason").asText() + ")",
                k -> new AtomicInteger()).incrementAndGet();
        say(cancelled + " orders cancelled by their buyers; " + bank.deliveries() + " bank notifications delivered ("
                + bank.redeliveries() + " of them twice, as banks' notifiers retry)");
        say("The cancelled units went to the waitlists: " + waitlist.moved());

        say("Couriers deliver the first cash-on-delivery orders; one buyer sends the goods back");
        int delivered = 0;
        for (long id : confirmedCod.subList(0, Math.min(DELIVERED_COD_ORDERS, confirmedCod.size()))) {
            staff(id, "ship");
            staff(id, "deliver");
            delivered++;
        }
        if (delivered > 0) {
            staff(confirmedCod.get(0), "return");
        }
        say(delivered + " COD orders delivered and paid in cash, 1 of them returned");
        awaitBoardCaughtUp(session, placed.size());
        post(livestream + "/sessions/" + session + "/end", null);
        say("Session ended: what was not sold goes back to stock");
        awaitBoardCaughtUp(session, placed.size());
        awaitEnded(session);

        report(coop, session, outcomes, List.of(banhGio, banhChung, gioLua));
        comments.report();
        waitlist.report();
        reportMoney(coop, session, transfers);
    }

    /**
     * The live comments under the stream, from 25 % to 85 % of the sale: a forwarder posts them in
     * batches as they come, some again; staff work their review queue at 60 %, while units are left.
     * The buyers of the first quarter of the crowd have ordered through the app by then, so their
     * phones have an address; their comments order other items than the app order did, so those who
     * ordered bánh chưng or giò lụa come first (they may comment bánh gio, the item with the most units).
     */
    private CommentFeed feedLiveComments(ScheduledExecutorService clock, long coop, long session, List<Buyer> crowd,
            int seconds) {
        List<RegularBuyer> regulars = crowd.stream().filter(buyer -> buyer.n() < crowd.size() / 4 && !buyer.mistyped())
                .sorted(Comparator.comparing(buyer -> buyer.code().equals("BG01")))
                .map(buyer -> new RegularBuyer(buyer.phone(), buyer.code())).toList();
        List<StreamComment> stream = CommentStream.generate(COMMENT_SEED, COMMENT_LINEUP, regulars);
        List<ForwarderBatch> batches = CommentStream.batches(stream);
        long from = seconds * 250L;
        long window = seconds * 600L;
        Duration between = Duration.ofMillis(window / stream.size());
        CommentFeed feed = new CommentFeed(order, session, stream, DevTokens.service(), DevTokens.staff(coop),
                Instant.now().plusMillis(from), between);
        int fresh = (int) batches.stream().filter(batch -> !batch.resent()).count();
        say(String.format(Locale.ROOT, "%d live comments under the stream; a forwarder posts them in %d batches",
                stream.size(), batches.size()));
        for (ForwarderBatch batch : batches) {
            // A batch goes when its last comment is written; one posted twice goes again 1.5 s later.
            long at = from + window * batch.number() / fresh + (batch.resent() ? 1_500 : 0);
            clock.schedule(() -> feed.post(batch), at, TimeUnit.MILLISECONDS);
        }
        return feed;
    }

    /** One buyer in twenty types the phone wrong: order-service refuses it. */
    private static boolean typesPhoneWrong(int n) {
        return n % 20 == 7;
    }

    /** The memo as buyers' banks really pass it on: prefixed, upper-cased, glued or split. */
    private static String memo(String code, int n) {
        return switch (n % 4) {
            case 0 -> "MBVCB.1234" + n + ".CHOTDON " + code + ".CT tu 0912345678 NGUYEN VAN A";
            case 1 -> "chotdon" + code.toLowerCase(Locale.ROOT);
            case 2 -> "IBFT " + code;
            default -> "CHOTDON " + code.substring(0, 4) + " " + code.substring(4) + " chuyen tien";
        };
    }

    /** The cooperative's bank as a SePay webhook sees it: each incoming transfer posted, some twice. */
    private final class Bank {
        private final String webhook;
        private final String apiKey;
        private final AtomicInteger transactionIds = new AtomicInteger(92_700);
        private final AtomicInteger deliveries = new AtomicInteger();
        private final AtomicInteger redeliveries = new AtomicInteger();

        Bank(String webhook, String apiKey) {
            this.webhook = webhook;
            this.apiKey = apiKey;
        }

        JsonNode transfer(String memo, long amountVnd, boolean deliveredTwice) {
            Map<String, Object> body = new LinkedHashMap<>();
            int id = transactionIds.incrementAndGet();
            body.put("id", id);
            body.put("gateway", "Vietcombank");
            body.put("transactionDate", LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"))
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
            body.put("accountNumber", ACCOUNT_NUMBER);
            body.put("subAccount", null);
            body.put("code", null);
            body.put("content", memo);
            body.put("transferType", "in");
            body.put("transferAmount", amountVnd);
            body.put("accumulated", 0);
            body.put("referenceCode", "FT" + id);
            body.put("description", "");
            JsonNode answer = deliver(body);
            if (deliveredTwice) {
                deliver(body);
                redeliveries.incrementAndGet();
            }
            return answer;
        }

        private JsonNode deliver(Map<String, Object> body) {
            deliveries.incrementAndGet();
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(webhook))
                    .header("Authorization", "Apikey " + apiKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("the webhook answered " + response.statusCode() + ": " + response.body());
            }
            return read(response.body());
        }

        int deliveries() {
            return deliveries.get();
        }

        int redeliveries() {
            return redeliveries.get();
        }
    }

    /** The session's waitlists as staff see them (GET /sessions/{id}/waitlist), every entry in every state. */
    private final class Waitlist {
        private final long session;

        Waitlist(long session) {
            this.session = session;
        }

        private List<JsonNode> entries() {
            List<JsonNode> all = new ArrayList<>();
            for (int page = 0; ; page++) {
                JsonNode found = get(order + "/sessions/" + session + "/waitlist?size=100&page=" + page);
                found.path("items").forEach(all::add);
                if (all.size() >= found.path("totalItems").asLong() || found.path("items").isEmpty()) {
                    return all;
                }
            }
        }

        String whoWaits() {
            List<JsonNode> waiting = entries().stream().filter(e -> e.path("state").asText().equals("WAITING")).toList();
            return waiting.size() + " buyers wait in the lines of sold-out items (" + count(waiting, "source", "COMMENT")
                    + " of them from their comments)";
        }

        /** How many were offered orders, with how many units, and how many were passed over. */
        String moved() {
            List<JsonNode> all = entries();
            List<JsonNode> promoted = all.stream().filter(e -> e.path("state").asText().equals("PROMOTED")).toList();
            long skipped = all.stream().filter(e -> e.path("state").asText().equals("SKIPPED")).count();
            long units = promoted.stream().mapToLong(e -> e.path("unitsOffered").asLong()).sum();
            return promoted.size() + " waiting buyers offered orders of " + units + " units, held for them; " + skipped
                    + " passed over (a per-buyer limit or the cap on held units); "
                    + all.stream().filter(e -> e.path("state").asText().equals("WAITING")).count() + " still waiting";
        }

        void report() {
            List<JsonNode> all = entries();
            System.out.println();
            System.out.println("== Waitlists (order-service) ==");
            System.out.printf(Locale.ROOT, "  %-6s %6s %9s %9s %8s %8s %8s %7s%n", "code", "joined", "from app",
                    "comments", "offered", "units", "skipped", "closed");
            Map<String, List<JsonNode>> byItem = new TreeMap<>();
            all.forEach(e -> byItem.computeIfAbsent(e.path("itemCode").asText(), k -> new ArrayList<>()).add(e));
            byItem.forEach((code, entries) -> System.out.printf(Locale.ROOT, "  %-6s %6d %9d %9d %8d %8d %8d %7d%n", code,
                    entries.size(), count(entries, "source", "API"), count(entries, "source", "COMMENT"),
                    count(entries, "state", "PROMOTED"), entries.stream().filter(e -> e.path("state").asText()
                            .equals("PROMOTED")).mapToLong(e -> e.path("unitsOffered").asLong()).sum(),
                    count(entries, "state", "SKIPPED"), count(entries, "state", "CLOSED")));
            System.out.println("  offered: an order held for the first in line when units came back; closed: still"
                    + " waiting when the session ended");
            all.stream().filter(e -> e.path("state").asText().equals("PROMOTED")).limit(3).forEach(e -> System.out.printf(
                    Locale.ROOT, "    %s %s x%d of %d wanted -> order %s%n", e.path("itemCode").asText(),
                    e.path("buyerName").asText(), e.path("unitsOffered").asLong(), e.path("quantity").asLong(),
                    e.path("orderCode").asText()));
        }

        private static long count(List<JsonNode> entries, String field, String value) {
            return entries.stream().filter(e -> e.path(field).asText().equals(value)).count();
        }
    }

    private void staff(long orderId, String action) {
        post(order + "/orders/" + orderId + "/" + action, null);
    }

    private void reportMoney(long coop, long session, Map<String, AtomicInteger> transfers) throws InterruptedException {
        System.out.println();
        System.out.println("== Bank transfers through the webhook (order-service) ==");
        transfers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-40s %5d%n", e.getKey(), e.getValue().get()));
        JsonNode tally = get(order + "/sessions/" + session + "/tally");
        JsonNode payments = tally.path("payments");
        System.out.printf(Locale.ROOT, "  paid by transfer %,d VND, cash on delivery %,d VND, unmatched %,d VND in %d"
                + " transfers%n", payments.path("paidByTransferVnd").asLong(), payments.path("cashOnDeliveryVnd").asLong(),
                payments.path("unmatchedVnd").asLong(), payments.path("unmatchedPayments").asLong());
        System.out.println("  waiting for staff in the review list (GET /payments/unmatched?state=OPEN):");
        for (JsonNode entry : get(order + "/payments/unmatched?state=OPEN").path("items")) {
            System.out.printf(Locale.ROOT, "    %-20s %,10d VND  \"%s\"%n", entry.path("reason").asText(),
                    entry.path("amountVnd").asLong(), entry.path("memo").asText());
        }

        long counted = tally.path("totals").path("countedRevenueVnd").asLong();
        String settlementUrl = catalog + "/cooperatives/" + coop + "/settlement/sessions/" + session;
        JsonNode settlement = get(settlementUrl);
        Instant deadline = Instant.now().plusSeconds(60);
        while (settlement.path("totals").path("grossVnd").asLong() != counted && Instant.now().isBefore(deadline)) {
            TimeUnit.MILLISECONDS.sleep(300);
            settlement = get(settlementUrl);
        }
        System.out.println();
        System.out.println("== What each member household is owed (catalog-service) ==");
        System.out.printf(Locale.ROOT, "  %-28s %6s %14s %14s %14s%n", "household", "units", "gross (VND)",
                "commission", "net owed");
        for (JsonNode member : settlement.path("members")) {
            JsonNode amounts = member.path("amounts");
            System.out.printf(Locale.ROOT, "  %-28s %6d %,14d %,14d %,14d%n", member.path("memberName").asText("(cooperative)"),
                    amounts.path("unitsSold").asLong(), amounts.path("grossVnd").asLong(),
                    amounts.path("commissionVnd").asLong(), amounts.path("netVnd").asLong());
        }
        JsonNode totals = settlement.path("totals");
        System.out.printf(Locale.ROOT, "  %-28s %6d %,14d %,14d %,14d%n", "TOTAL", totals.path("unitsSold").asLong(),
                totals.path("grossVnd").asLong(), totals.path("commissionVnd").asLong(), totals.path("netVnd").asLong());
        System.out.printf(Locale.ROOT, "  the tally's counted revenue: %,d VND (%s)%n", counted,
                counted == totals.path("grossVnd").asLong() ? "the same, to the đồng" : "settlement is still catching up");
        System.out.println("  CSV for Excel: " + settlementUrl + "/report.csv");
    }

    private void placeOrder(long session, Buyer buyer, Map<Long, JsonNode> receipts, Map<String, AtomicInteger> outcomes) {
        Map<String, Object> body = Map.of("sessionId", session,
                "items", List.of(Map.of("code", buyer.code().toLowerCase(Locale.ROOT), "quantity", buyer.quantity())),
                "buyerName", "Người xem " + (buyer.n() + 1), "phone", buyer.phone(),
                "address", Map.of("province", buyer.n() % 5 == 0 ? "Bắc Giang" : "Hà Nội",
                        "commune", buyer.n() % 5 == 0 ? "Phường Đa Mai" : "Xã Đan Phượng",
                        "detail", "Số " + (buyer.n() % 90 + 1) + ", thôn Thượng Thôn"),
                "paymentMethod", buyer.payment());
        String key = UUID.randomUUID().toString();
        int taps = buyer.tapsTwice() ? 2 : 1;
        for (int tap = 0; tap < taps; tap++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(order + "/orders"))
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
            String outcome = switch (response.statusCode()) {
                case 201 -> tap == 0 ? "placed" : "retry answered with the same order";
                case 400 -> "refused: invalid phone number";
                case 409 -> response.body().contains("sold-out") ? "refused: sold out"
                        : response.body().contains("buyer-limit") ? "refused: over the per-buyer limit"
                        : response.body().contains("held-units-cap") ? "refused: too many units held unpaid"
                        : "retry while the first was running";
                case 429 -> "refused: too many attempts, retry later";
                default -> "other (" + response.statusCode() + ")";
            };
            if (tap == 0 && outcome.equals("refused: sold out") && buyer.waitsWhenSoldOut() && joinWaitlist(session, body)) {
                outcome = "refused: sold out, joined the waitlist";
            }
            outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
            if (response.statusCode() == 201) {
                JsonNode receipt = read(response.body());
                receipts.put(receipt.path("order").path("id").asLong(), receipt);
            }
        }
    }

    /**
     * What the app offers a buyer who finds an item sold out: to wait in its line with the same
     * order. False when the line refuses (units came back meanwhile, or the session ended).
     */
    private boolean joinWaitlist(long session, Map<String, Object> order) {
        Map<String, Object> wanted = new HashMap<>(order);
        wanted.remove("sessionId");
        wanted.remove("items");
        @SuppressWarnings("unchecked")
        Map<String, Object> line = ((List<Map<String, Object>>) order.get("items")).get(0);
        wanted.put("code", line.get("code"));
        wanted.put("quantity", line.get("quantity"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.order + "/sessions/" + session
                + "/waitlist")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(wanted))).build());
        return response.statusCode() == 201;
    }

    private void pin(long session, long item, String code) {
        post(livestream + "/sessions/" + session + "/lineup/" + item + "/pin", null);
        say("The host pins " + code);
    }

    private void report(long coop, long session, Map<String, AtomicInteger> outcomes, List<Long> products) {
        System.out.println();
        System.out.println("== Buyers' answers ==");
        outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-40s %5d%n", e.getKey(), e.getValue().get()));

        JsonNode tally = get(order + "/sessions/" + session + "/tally");
        System.out.println();
        System.out.println("== Order tally (order-service) — " + tally.path("sessionStatus").asText() + " ==");
        System.out.printf(Locale.ROOT, "  %-6s %-24s %6s %6s %9s %6s %9s %9s %14s%n", "code", "product", "quota", "held",
                "confirmed", "paid", "cancelled", "remaining", "revenue (VND)");
        for (JsonNode i : tally.path("items")) {
            System.out.printf(Locale.ROOT, "  %-6s %-24s %6d %6d %9d %6d %9d %9d %,14d%n", i.path("code").asText(),
                    i.path("productName").asText(), i.path("quota").asLong(), i.path("held").asLong(),
                    i.path("confirmed").asLong(), i.path("paid").asLong(), i.path("cancelled").asLong(),
                    i.path("remaining").asLong(), i.path("revenueVnd").asLong());
        }
        System.out.println("  orders by status: " + tally.path("ordersByStatus"));
        System.out.printf(Locale.ROOT, "  revenue %,d VND confirmed, %,d VND already paid%n",
                tally.path("totals").path("revenueVnd").asLong(), tally.path("totals").path("paidVnd").asLong());

        JsonNode board = get(livestream + "/sessions/" + session + "/board");
        System.out.println();
        System.out.println("== Live board (livestream-service) ==");
        for (JsonNode i : board.path("items")) {
            System.out.printf(Locale.ROOT, "  %-6s %-24s %s%n", i.path("code").asText(), i.path("productName").asText(),
                    i.path("label").asText());
        }

        System.out.println();
        System.out.println("== Stock after the sale (catalog-service) ==");
        System.out.printf(Locale.ROOT, "  %-24s %9s %9s %13s%n", "product", "available", "reserved", "sold in live");
        for (long product : products) {
            JsonNode p = get(catalog + "/products/" + product);
            JsonNode stock = get(catalog + "/products/" + product + "/stock");
            JsonNode reservation = get(catalog + "/products/" + product + "/reservations/" + session);
            System.out.printf(Locale.ROOT, "  %-24s %9d %9d %13d%n", p.path("name").asText(),
                    stock.path("available").asLong(), stock.path("reserved").asLong(), reservation.path("sold").asLong());
        }
        System.out.println();
        System.out.println("  Swagger UI:  " + catalog + "/q/swagger-ui  " + livestream + "/q/swagger-ui  " + order
                + "/q/swagger-ui");
        System.out.println("  Live board:  " + livestream + "/sessions/" + session + "/board (stream: /board/stream)");
        System.out.println("  Overlay for OBS / TikTok LIVE Studio (browser source): " + livestream + "/overlay.html?session="
                + session + "&transparent=1");
        System.out.println("  Host's screen: " + livestream + "/host.html?session=" + session
                + "  (token: ./chotdon token --role staff --cooperative " + coop + ")");
        System.out.println("  Shipping list: " + order + "/sessions/" + session + "/orders.csv");
    }

    private void awaitBoardCaughtUp(long session, int orders) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode tally = get(order + "/sessions/" + session + "/tally");
            JsonNode board = get(livestream + "/sessions/" + session + "/board");
            if (tally.path("totals").path("confirmed").asLong() == board.path("totals").path("confirmed").asLong()
                    && tally.path("totals").path("held").asLong() == board.path("totals").path("held").asLong()
                    && tally.path("totals").path("orders").asLong() >= orders) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(300);
        }
        say("(the board is still catching up with the orders)");
    }

    private void awaitEnded(long session) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)
                && !"ENDED".equals(get(order + "/sessions/" + session + "/orderable").path("status").asText())) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private void awaitOrderable(long session) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(order + "/sessions/" + session + "/orderable")).build());
            JsonNode known = response.statusCode() == 200 ? read(response.body()) : null;
            if (known != null && "LIVE".equals(known.path("status").asText()) && known.path("items").size() == 3) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("order-service did not learn session " + session + " within 60 s");
    }

    private long product(long coop, long member, String name, String unit, long price, Integer ocop, long stock) {
        Map<String, Object> body = new HashMap<>(Map.of("cooperativeId", coop, "memberId", member, "name", name,
                "unit", unit, "priceVnd", price, "originCommune", "Xã Đan Phượng, Hà Nội"));
        if (ocop != null) {
            body.put("ocopStars", ocop);
        }
        long id = post(catalog + "/products", body).path("id").asLong();
        post(catalog + "/products/" + id + "/activate", null);
        post(catalog + "/products/" + id + "/stock/receipts", Map.of("quantity", stock, "note", "Mẻ đầu tiên"));
        return id;
    }

    private long lineup(long session, String code, long product, long price, long quota, int perBuyerLimit) {
        return post(livestream + "/sessions/" + session + "/lineup", Map.of("code", code, "productId", product,
                "livePriceVnd", price, "quota", quota, "perBuyerLimit", perBuyerLimit)).path("id").asLong();
    }

    private JsonNode post(String url, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body)));
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    private JsonNode put(String url, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer);
        if (body == null) {
            request.PUT(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json(body)));
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("PUT " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    private JsonNode get(String url) {
        return read(send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer).build())
                .body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void say(String line) {
        System.out.println("[live sale] " + line);
    }
}
