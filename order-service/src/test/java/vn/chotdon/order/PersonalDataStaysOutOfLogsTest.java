package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.order.service.OrderLifecycle;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.TestTokens;

/**
 * Everything order-service logs while buyers order, are refused in every way, and staff handle
 * their orders, with the project's own loggers at DEBUG: no phone, name or address in any
 * message or exception.
 */
@QuarkusTest
class PersonalDataStaysOutOfLogsTest {

    private static final String NAME = "Trịnh Thị Mận";
    private static final String COMMUNE = "Xã Ô Diên";
    private static final String DETAIL = "Xóm Chùa, số 88";
    /** The buyer's phone in every form it may be written or stored in. */
    private static final List<String> PHONE = List.of("0966 777 123", "0966777123", "+84966777123", "966777123");

    private static final String PROBE = "log capture probe";
    private static final Logger PROJECT = Logger.getLogger("vn.chotdon");

    private final List<String> logged = new ArrayList<>();
    private Level projectLevel;
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(formatter.formatMessage(record));
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                text.append(" | ").append(t);
            }
            synchronized (logged) {
                logged.add(text.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        projectLevel = PROJECT.getLevel();
        PROJECT.setLevel(Level.FINE);
        Callers.anonymous();
    }

    @AfterEach
    void stopCapturing() {
        PROJECT.setLevel(projectLevel);
        Logger.getLogger("").removeHandler(capture);
    }

    private static Map<String, Object> order(LiveSale sale, String code, int quantity, String phone) {
        Map<String, Object> body = new HashMap<>(sale.order(code, quantity, phone));
        body.put("buyerName", NAME);
        body.put("address", Map.of("province", "Hà Nội", "commune", COMMUNE, "detail", DETAIL));
        return body;
    }

    @Test
    void aSaleWithEveryKindOfRefusalLogsNoPhoneNameOrAddress() {
        LiveSale sale = new LiveSale().open();
        sale.item("BG01", "Bánh gio", 15000, 1000, 2);
        sale.item("NL01", "Nhãn lồng", 30000, 1, null);
        sale.item("MO01", "Mật ong", 200000, 1000, null);
        String owner = TestTokens.owner(LiveSale.COOPERATIVE);

        String key = UUID.randomUUID().toString();
        JsonPath receipt = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(order(sale, "BG01", 2, PHONE.get(0))).post("/orders").then().statusCode(201).extract().jsonPath();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(order(sale, "BG01", 2, PHONE.get(0)))
                .post("/orders").then().statusCode(201);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(order(sale, "BG01", 1, PHONE.get(0)))
                .post("/orders").then().statusCode(422);
        given().contentType(ContentType.JSON).body(order(sale, "BG01", 1, PHONE.get(2))).post("/orders")
                .then().statusCode(409);
        given().contentType(ContentType.JSON).body(order(sale, "NL01", 1, PHONE.get(1))).post("/orders")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(order(sale, "NL01", 1, PHONE.get(1))).post("/orders")
                .then().statusCode(409);
        given().contentType(ContentType.JSON).body(order(sale, "MO01", 18, PHONE.get(1))).post("/orders")
                .then().statusCode(409);
        given().contentType(ContentType.JSON).body(order(sale, "ZZ99", 1, PHONE.get(1))).post("/orders")
                .then().statusCode(422);
        Map<String, Object> badPhone = order(sale, "BG01", 1, "0966 777 12");
        given().contentType(ContentType.JSON).body(badPhone).post("/orders").then().statusCode(400);
        Map<String, Object> phoneInTheWrongField = order(sale, "BG01", 1, PHONE.get(0));
        phoneInTheWrongField.put("paymentMethod", PHONE.get(0));
        given().contentType(ContentType.JSON).body(phoneInTheWrongField).post("/orders").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"phone\": \"" + PHONE.get(0) + "\", \"buyerName\": \"" + NAME)
                .post("/orders").then().statusCode(400);

        long id = receipt.getLong("order.id");
        Callers.as(owner).post("/orders/" + id + "/confirm").then().statusCode(200);
        Callers.as(owner).post("/orders/" + id + "/ship").then().statusCode(200);
        Callers.as(owner).post("/orders/" + id + "/cancel").then().statusCode(409);
        Callers.as(owner).queryParam("phone", PHONE.get(0)).get("/orders").then().statusCode(200);
        Callers.as(owner).get("/sessions/" + sale.sessionId + "/orders.csv").then().statusCode(200);
        Callers.as(TestTokens.owner(LiveSale.COOPERATIVE + 1)).get("/orders/" + id).then().statusCode(404);
        given().header("X-Order-Token", "not-the-token").post("/buyer/orders/" + receipt.getString("order.code")
                + "/cancel").then().statusCode(404);

        org.jboss.logging.Logger.getLogger(OrderLifecycle.class).debug(PROBE);
        List<String> lines;
        synchronized (logged) {
            lines = List.copyOf(logged);
        }
        assertThat(lines).as("the capture sees what the service's loggers write").contains(PROBE);
        assertThat(lines).allSatisfy(line -> assertThat(line)
                .doesNotContain(PHONE).doesNotContain("0966 777 12", NAME, COMMUNE, DETAIL));
    }
}
