package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.order.transfer.QrImageTest;
import vn.chotdon.order.transfer.VietQr;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

/**
 * Bank transfers: a cooperative's receiving accounts, and the transfer details and VietQR code of
 * each bank-transfer order, read back from the PNG with ZXing and parsed.
 */
@QuarkusTest
class BankTransferTest {

    private final Db db = Db.ofApplication();
    private final long home = LiveSale.newCooperative();
    private final long other = LiveSale.newCooperative();

    @BeforeEach
    void asNobody() {
        Callers.anonymous();
    }

    /** Records an account as the cooperative's owner; answers its id. */
    static long recordAccount(long cooperative, String bin, String number, String name, boolean makeDefault) {
        return Callers.as(TestTokens.owner(cooperative)).contentType(ContentType.JSON)
                .body(Map.of("bankBin", bin, "accountNumber", number, "accountName", name, "makeDefault", makeDefault))
                .post(accounts(cooperative)).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String accounts(long cooperative) {
        return "/cooperatives/" + cooperative + "/receiving-accounts";
    }

    private static JsonPath place(LiveSale sale, int quantity, String phone, String payment) {
        Map<String, Object> body = new HashMap<>(sale.order("BG01", quantity, phone));
        body.put("paymentMethod", payment);
        return given().contentType(ContentType.JSON).body(body).post("/orders").then().statusCode(201).extract()
                .jsonPath();
    }

    @Test
    void aCooperativeRecordsItsAccountsAndPicksTheDefault() {
        String owner = TestTokens.owner(home);
        String staff = TestTokens.staff(home);
        JsonPath first = Callers.as(owner).contentType(ContentType.JSON)
                .body(Map.of("bankBin", "970405", "accountNumber", "1500205123456", "accountName", "Hợp tác xã Đan Phượng"))
                .post(accounts(home)).then().statusCode(201).extract().jsonPath();
        long firstId = first.getLong("id");
        assertThat(first.getString("accountName")).isEqualTo("HOP TAC XA DAN PHUONG");
        assertThat(first.getString("bankShortName")).isEqualTo("Agribank");
        assertThat(first.getBoolean("isDefault")).as("the first account is the default").isTrue();

        var created = Callers.as(staff).contentType(ContentType.JSON)
                .body(Map.of("bankBin", "970436", "accountNumber", "1023456789", "accountName", "HTX DAN PHUONG",
                        "makeDefault", true))
                .post(accounts(home)).then().statusCode(201).body("isDefault", is(true)).extract();
        long second = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith(accounts(home) + "/" + second);
        Callers.as(staff).get(accounts(home)).then().statusCode(200)
                .body("id", contains((int) firstId, (int) second))
                .body("isDefault", contains(false, true))
                .body("accountNumber", contains("1500205123456", "1023456789"));

        // Sent again (a lost answer): the same account, nothing more.
        Callers.as(owner).contentType(ContentType.JSON)
                .body(Map.of("bankBin", "970405", "accountNumber", "1500205123456", "accountName", "HOP TAC XA DAN PHUONG"))
                .post(accounts(home)).then().statusCode(201).body("id", is((int) firstId)).body("isDefault", is(false));
        Callers.as(owner).contentType(ContentType.JSON)
                .body(Map.of("bankBin", "970405", "accountNumber", "1500205123456", "accountName", "Someone Else"))
                .post(accounts(home)).then().statusCode(409).contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/receiving-account-exists"))
                .body("accountId", is((int) firstId));
        assertThat(db.number("SELECT COUNT(*) FROM receiving_account WHERE cooperative_id = ?", home)).isEqualTo(2);

        // Deactivating the default hands the default to the oldest other active account.
        Callers.as(staff).post(accounts(home) + "/" + second + "/deactivate").then().statusCode(200)
                .body("active", is(false)).body("isDefault", is(false));
        Callers.as(owner).get(accounts(home) + "/" + firstId).then().statusCode(200).body("isDefault", is(true));
        Callers.as(owner).post(accounts(home) + "/" + second + "/default").then().statusCode(200)
                .body("active", is(true)).body("isDefault", is(true));
        assertThat(db.number("SELECT COUNT(*) FROM receiving_account WHERE default_for = ?", home)).isEqualTo(1);
    }

    @Test
    void badAccountsAreRefusedAndNothingIsKept() {
        String owner = TestTokens.owner(home);
        Callers.as(owner).contentType(ContentType.JSON)
                .body(Map.of("bankBin", "97043", "accountNumber", "12-34", "accountName", " "))
                .post(accounts(home)).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("bankBin")).body("errors.field", hasItem("accountNumber"))
                .body("errors.field", hasItem("accountName"));
        Callers.as(owner).contentType(ContentType.JSON)
                .body(Map.of("bankBin", "123456", "accountNumber", "1234", "accountName", "HTX"))
                .post(accounts(home)).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", is("bankBin"));
        Callers.as(owner).contentType(ContentType.JSON)
                .body(Map.of("bankBin", "970436", "accountNumber", "12345678901234567890", "accountName", "HTX"))
                .post(accounts(home)).then().statusCode(400).body("errors[0].field", is("accountNumber"));
        Callers.as(owner).contentType(ContentType.JSON)
                .body(Map.of("bankBin", "970436", "accountNumber", "1234", "accountName", "漢字"))
                .post(accounts(home)).then().statusCode(400).body("errors[0].field", is("accountName"));
        Callers.as(owner).get(accounts(home) + "/999999999").then().statusCode(404);
        assertThat(db.number("SELECT COUNT(*) FROM receiving_account WHERE cooperative_id = ?", home)).isZero();
    }

    @Test
    void anotherCooperativeAndAnonymousCallersCannotTouchTheAccounts() {
        long id = recordAccount(home, "970436", "1023456789", "HTX DAN PHUONG", false);
        String foreign = TestTokens.owner(other);
        String body = "{\"bankBin\": \"970422\", \"accountNumber\": \"999\", \"accountName\": \"KE GIAN\"}";
        Callers.as(foreign).get(accounts(home)).then().statusCode(404).contentType("application/problem+json");
        Callers.as(foreign).get(accounts(home) + "/" + id).then().statusCode(404);
        Callers.as(TestTokens.staff(other)).contentType(ContentType.JSON).body(body).post(accounts(home))
                .then().statusCode(404);
        Callers.as(foreign).post(accounts(home) + "/" + id + "/deactivate").then().statusCode(404);
        // An account of another cooperative, asked for under the caller's own: not found either.
        Callers.as(foreign).get(accounts(other) + "/" + id).then().statusCode(404);
        given().contentType(ContentType.JSON).body(body).post(accounts(home)).then().statusCode(401);
        Callers.as(TestTokens.admin()).get(accounts(home)).then().statusCode(403);
        Callers.as(TestTokens.service()).contentType(ContentType.JSON).body(body).post(accounts(home))
                .then().statusCode(403);
        assertThat(db.number("SELECT COUNT(*) FROM receiving_account WHERE cooperative_id = ?", home)).isEqualTo(1);
        Callers.as(TestTokens.staff(home)).get(accounts(home) + "/" + id).then().statusCode(200)
                .body("active", is(true)).body("accountNumber", is("1023456789"));
    }

    @Test
    void aBankTransferOrderCarriesItsVietQrToTheBuyerAndToStaff() {
        recordAccount(home, "970436", "1023456789", "HTX Nông sản Đan Phượng", false);
        LiveSale sale = new LiveSale(home).open();
        sale.item("BG01", "Bánh gio", 15000, 100, null);
        JsonPath receipt = place(sale, 2, "0912000501", "BANK_TRANSFER");
        String code = receipt.getString("order.code");
        long id = receipt.getLong("order.id");
        String token = receipt.getString("accessToken");

        Map<String, Object> transfer = receipt.getMap("order.transfer");
        assertThat(transfer).containsEntry("bankBin", "970436").containsEntry("bankShortName", "Vietcombank")
                .containsEntry("accountNumber", "****6789").containsEntry("accountName", "HTX NONG SAN DAN PHUONG")
                .containsEntry("amountVnd", 30000).containsEntry("purpose", "CHOTDON " + code);
        String payload = (String) transfer.get("qrPayload");
        assertThat(VietQr.parse(payload)).isEqualTo(new VietQr("970436", "1023456789", 30000, null, "CHOTDON " + code));

        given().header("X-Order-Token", token).get("/buyer/orders/" + code).then().statusCode(200)
                .body("transfer.accountNumber", is("****6789")).body("transfer.qrPayload", is(payload));
        Callers.as(TestTokens.staff(home)).get("/orders/" + id).then().statusCode(200)
                .body("transfer.accountNumber", is("1023456789")).body("transfer.qrPayload", is(payload));

        byte[] buyers = given().header("X-Order-Token", token).get("/buyer/orders/" + code + "/qr.png").then()
                .statusCode(200).contentType("image/png").header("Cache-Control", org.hamcrest.Matchers
                        .containsString("no-store")).extract().asByteArray();
        assertThat(QrImageTest.decode(buyers)).isEqualTo(payload);
        byte[] staffs = Callers.as(TestTokens.owner(home)).get("/orders/" + id + "/qr.png").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertThat(VietQr.parse(QrImageTest.decode(staffs)).amountVnd()).isEqualTo(30000);

        given().get("/buyer/orders/" + code + "/qr.png").then().statusCode(404).contentType("application/problem+json");
        given().header("X-Order-Token", token + "x").get("/buyer/orders/" + code + "/qr.png").then().statusCode(404);
        Callers.as(TestTokens.staff(other)).get("/orders/" + id + "/qr.png").then().statusCode(404);
        given().get("/orders/" + id + "/qr.png").then().statusCode(401);
    }

    @Test
    void withoutAnAccountOrForCashTheOrderStandsWithoutTransferDetails() {
        LiveSale sale = new LiveSale(home).open();
        sale.item("BG01", "Bánh gio", 15000, 100, null);
        JsonPath unpayable = place(sale, 1, "0912000511", "BANK_TRANSFER");
        assertThat(unpayable.getString("order.status")).isEqualTo("PLACED");
        assertThat(unpayable.getMap("order")).doesNotContainKey("transfer");
        given().header("X-Order-Token", unpayable.getString("accessToken"))
                .get("/buyer/orders/" + unpayable.getString("order.code") + "/qr.png").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/no-transfer-details"))
                .body("paymentMethod", is("BANK_TRANSFER"));

        recordAccount(home, "970436", "1023456789", "HTX DAN PHUONG", false);
        JsonPath cash = place(sale, 1, "0912000512", "COD");
        assertThat(cash.getMap("order")).doesNotContainKey("transfer");
        Callers.as(TestTokens.staff(home)).get("/orders/" + cash.getLong("order.id") + "/qr.png").then()
                .statusCode(409).body("paymentMethod", is("COD"));
        // The order placed before the account still has none; one placed after has it.
        Callers.as(TestTokens.staff(home)).get("/orders/" + unpayable.getLong("order.id")).then()
                .body("transfer", nullValue());
        assertThat(place(sale, 1, "0912000513", "BANK_TRANSFER").getString("order.transfer.accountNumber"))
                .isEqualTo("****6789");
    }

    @Test
    void anOrderKeepsTheAccountItsCodeNamed() {
        recordAccount(home, "970436", "1023456789", "HTX DAN PHUONG", false);
        LiveSale sale = new LiveSale(home).open();
        sale.item("BG01", "Bánh gio", 15000, 100, null);
        JsonPath before = place(sale, 1, "0912000521", "BANK_TRANSFER");
        recordAccount(home, "970422", "0912345678", "HTX DAN PHUONG", true);
        JsonPath after = place(sale, 1, "0912000522", "BANK_TRANSFER");

        assertThat(after.getString("order.transfer.bankShortName")).isEqualTo("MBBank");
        given().header("X-Order-Token", before.getString("accessToken"))
                .get("/buyer/orders/" + before.getString("order.code")).then().statusCode(200)
                .body("transfer.bankBin", is("970436")).body("transfer.qrPayload",
                        is(before.getString("order.transfer.qrPayload")));
        assertThat(db.number("SELECT COUNT(DISTINCT receiving_account_id) FROM orders WHERE session_id = ?",
                sale.sessionId)).isEqualTo(2);
        assertThat(List.of(before.getString("order.transfer.qrPayload"), after.getString("order.transfer.qrPayload")))
                .doesNotHaveDuplicates();
    }
}
