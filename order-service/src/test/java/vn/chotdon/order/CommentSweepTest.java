package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.order.comment.service.CommentSweep;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

/**
 * A comment stored by a request that stopped before recording its decision (a crash) is decided
 * again by the sweep, and what the first request already did stands: one order, one place in line.
 */
@QuarkusTest
class CommentSweepTest {

    private final Db db = Db.ofApplication();

    @Inject
    CommentSweep sweep;

    @AfterEach
    void nobody() {
        Callers.anonymous();
    }

    @Test
    void aCommentStoredButNeverDecidedBecomesItsOrderOnce() {
        LiveSale sale = regularBuyerOf(new LiveSale(LiveSale.newCooperative()).open(), "0917500001");
        db.execute("INSERT INTO live_comment (session_id, cooperative_id, platform, platform_comment_id, commenter_name,"
                + " commenter_id, text, commented_at, received_at, state) VALUES (?, ?, 'TIKTOK', 'sw-1', 'Chị Lan',"
                + " 'lan.1', 'chốt BG01 x2 0917500001', UTC_TIMESTAMP(6) - INTERVAL 10 MINUTE,"
                + " UTC_TIMESTAMP(6) - INTERVAL 10 MINUTE, 'RECEIVED')", sale.sessionId, sale.cooperativeId);

        sweep.resumeStale();
        sweep.resumeStale();

        assertThat(db.text("SELECT state FROM live_comment WHERE platform_comment_id = 'sw-1' AND session_id = ?",
                sale.sessionId)).isEqualTo("ORDERED");
        String code = db.text("SELECT order_code FROM live_comment WHERE platform_comment_id = 'sw-1' AND session_id = ?",
                sale.sessionId);
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ? AND note LIKE '%sw-1'", sale.sessionId))
                .isEqualTo(1);
        assertThat(db.number("SELECT quantity FROM order_line l JOIN orders o ON o.id = l.order_id WHERE o.code = ?",
                code)).isEqualTo(2);
    }

    @Test
    void anOrderPlacedBeforeTheCrashIsTheCommentsOutcomeNotARepeat() {
        LiveSale sale = regularBuyerOf(new LiveSale(LiveSale.newCooperative()).open(), "0917500002");
        JsonPath first = post(sale, "sw-2", "chốt BG01 x1 0917500002");
        assertThat(first.getString("outcomes[0].outcome")).isEqualTo("ORDERED");
        crashedBeforeRecording(sale, "sw-2");

        sweep.resumeStale();

        assertThat(db.text("SELECT CONCAT(state, ' ', order_code) FROM live_comment WHERE platform_comment_id = 'sw-2'"
                + " AND session_id = ?", sale.sessionId)).isEqualTo("ORDERED " + first.getString("outcomes[0].orderCode"));
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ? AND note LIKE '%sw-2'", sale.sessionId))
                .isEqualTo(1);
    }

    @Test
    void aPlaceInLineTakenBeforeTheCrashIsKeptOnceAndItsTurnIsRecorded() {
        LiveSale sale = new LiveSale(LiveSale.newCooperative()).open();
        sale.item("BG01", "Bánh gio", 15000, 1, null);
        sale.item("MO01", "Mật ong", 200000, 100, null);
        long holder = given().contentType(ContentType.JSON).body(sale.order("BG01", 1, "0917500003")).post("/orders")
                .then().statusCode(201).extract().jsonPath().getLong("order.id");
        placed(sale, "MO01", "0917500004");
        assertThat(post(sale, "sw-3", "chốt BG01 x1 0917500004").getString("outcomes[0].outcome")).isEqualTo("WAITLISTED");
        crashedBeforeRecording(sale, "sw-3");
        // Its turn comes while the comment is undecided: the unit goes to the buyer in line.
        Callers.as(TestTokens.staff(sale.cooperativeId)).post("/orders/" + holder + "/cancel").then().statusCode(200);

        sweep.resumeStale();

        String offered = db.text("SELECT o.code FROM orders o JOIN waitlist_entry w ON w.order_id = o.id"
                + " WHERE w.session_id = ? AND w.buyer_phone = '+84917500004'", sale.sessionId);
        assertThat(db.text("SELECT CONCAT(state, ' ', order_code) FROM live_comment WHERE platform_comment_id = 'sw-3'"
                + " AND session_id = ?", sale.sessionId)).isEqualTo("WAITLISTED " + offered);
        assertThat(db.number("SELECT COUNT(*) FROM waitlist_entry WHERE session_id = ? AND buyer_phone = '+84917500004'",
                sale.sessionId)).as("in line once, not again behind the order it was given").isEqualTo(1);
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ? AND buyer_phone = '+84917500004'",
                sale.sessionId)).as("the honey and the bánh gio its turn brought").isEqualTo(2);
    }

    /** The sale with BG01 and MO01 on its lineup, and the phone's earlier order: its address is known. */
    private static LiveSale regularBuyerOf(LiveSale sale, String phone) {
        sale.item("BG01", "Bánh gio", 15000, 100, null);
        sale.item("MO01", "Mật ong", 200000, 100, null);
        placed(sale, "MO01", phone);
        return sale;
    }

    private static void placed(LiveSale sale, String code, String phone) {
        given().contentType(ContentType.JSON).body(sale.order(code, 1, phone)).post("/orders").then().statusCode(201);
    }

    private static JsonPath post(LiveSale sale, String id, String text) {
        Map<String, Object> comment = Map.of("platform", "TIKTOK", "platformCommentId", id, "commenterName", "Chị Lan",
                "commenterId", "lan.1", "text", text, "commentedAt", "2026-11-30T12:00:00Z");
        return Callers.as(TestTokens.staff(sale.cooperativeId)).contentType(ContentType.JSON)
                .body(Json.write(Map.of("comments", List.of(comment)))).post("/sessions/" + sale.sessionId + "/comments")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The comment as a request that stopped after its order (or its join) and before recording it left it. */
    private void crashedBeforeRecording(LiveSale sale, String id) {
        db.execute("UPDATE live_comment SET state = 'RECEIVED', order_code = NULL, lines_json = NULL, phone = NULL,"
                + " reasons_json = NULL, received_at = UTC_TIMESTAMP(6) - INTERVAL 10 MINUTE"
                + " WHERE platform_comment_id = ? AND session_id = ?", id, sale.sessionId);
    }
}
