package vn.chotdon.livestream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.chotdon.livestream.OrderEvents.Line;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.EventPublisher;
import vn.chotdon.testing.TestTokens;

/**
 * The overlay page in a real headless Chromium against the running service: it follows the board of
 * a live session as order events arrive (the page changes within a second of the board), shows the
 * ticker with masked buyers, takes screenshots for the README, carries no personal data or revenue
 * in its DOM or in anything it received, and comes back by itself after a network cut. The host
 * page shows a staff member the pace of the live and the latest order codes.
 */
@QuarkusTest
class OverlayBrowserTest {

    /** Kafka and the consumer's transaction: the board itself may take a while under a loaded CI. */
    private static final Duration APPLIED = Duration.ofSeconds(30);
    /** From the board changing to the page showing it. */
    private static final Duration ON_PAGE = Duration.ofSeconds(1);
    private static final Pattern PHONE = Pattern.compile("(\\+84|\\b0)[35789][0-9]{8}\\b");
    private static final Pattern REVENUE = Pattern.compile("\"confirmedRevenueVnd\"\\s*:\\s*[0-9]");

    @CatalogStub.Server
    WireMockServer catalog;

    @Test
    void followsTheSaleWithMaskedBuyersAndNoPersonalData() throws Exception {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.session(coop);
        long bg = LivestreamApi.item(session, "BG01", LivestreamApi.product(catalog, coop), 600);
        long cm = LivestreamApi.item(session, "CM02", LivestreamApi.product(catalog, coop), 5);
        LivestreamApi.start(session);
        given().post(LineupTest.lineup(session, bg) + "/pin").then().statusCode(200);
        String bgName = given().get(LineupTest.lineup(session, bg)).then().extract().path("productName");

        try (Chromium chromium = Chromium.start(); EventPublisher publisher = EventPublisher.open()) {
            chromium.open(overlay(session, ""), 1080, 1920);
            await().atMost(Duration.ofSeconds(10)).until(() -> text(chromium, "pinned-sold").equals("Đã chốt 0/600 cái"));
            assertThat(text(chromium, "pinned-code")).isEqualTo("BG01");
            assertThat(text(chromium, "pinned-name")).isEqualTo(bgName).contains("Huệ");
            assertThat(text(chromium, "pinned-price")).isEqualTo("12.000 ₫");
            assertThat(text(chromium, "pinned-left")).isEqualTo("Còn 600");
            assertThat(row(chromium, "CM02")).contains("0/5", "Còn 5");

            OrderEvents.publish(publisher, OrderEvents.event(201, session, coop, "PLACED", null,
                    List.of(new Line(bg, "BG01", 3, 12000)), "Chị H***"));
            boardShows(session, "BG01", 3);
            await().atMost(ON_PAGE).until(() -> text(chromium, "pinned-sold").equals("Đã chốt 3/600 cái")
                    && text(chromium, "ticker").startsWith("Chị H*** vừa chốt 3 " + bgName));
            assertThat(text(chromium, "pinned-left")).isEqualTo("Còn 597");
            assertThat(chromium.driver().findElement(By.id("pinned-bar")).getAttribute("style")).contains("width: 1%");

            OrderEvents.publish(publisher, OrderEvents.event(202, session, coop, "PLACED", null,
                    List.of(new Line(cm, "CM02", 5, 12000)), "Anh T***"));
            boardShows(session, "CM02", 5);
            await().atMost(ON_PAGE).until(() -> row(chromium, "CM02").contains("Hết hàng")
                    && text(chromium, "ticker").startsWith("Anh T*** vừa chốt 5 "));
            assertThat(text(chromium, "ticker")).contains("Chị H*** vừa chốt 3 " + bgName);

            // Confirmed units have a revenue (the owner reads 36000 + 60000 from the board); the page never does.
            OrderEvents.publish(publisher, OrderEvents.event(201, session, coop, "CONFIRMED", "PLACED",
                    List.of(new Line(bg, "BG01", 3, 12000))));
            OrderEvents.publish(publisher, OrderEvents.event(202, session, coop, "CONFIRMED", "PLACED",
                    List.of(new Line(cm, "CM02", 5, 12000))));
            await().atMost(APPLIED).until(() -> given().get("/sessions/" + session + "/board").then()
                    .extract().path("totals.confirmedRevenueVnd").equals(96000));
            chromium.screenshot(Path.of("target", "overlay-portrait.png"));

            String page = chromium.driver().getPageSource();
            assertThat(page).doesNotContainPattern(PHONE).doesNotContain("96000", "96.000", "36000", "36.000",
                    "60000", "60.000", "Freeship", "confirmedRevenueVnd");
            List<String> received = chromium.received("/sessions/" + session + "/board");
            assertThat(received).as("the page read the board and followed its stream").hasSizeGreaterThan(3);
            assertThat(received).anySatisfy(body -> assertThat(body).contains("Anh T***"));
            assertThat(received).allSatisfy(body -> assertThat(body).doesNotContainPattern(PHONE)
                    .doesNotContainPattern(REVENUE).doesNotContain("Freeship"));

            chromium.open(overlay(session, "&layout=landscape&theme=light"), 1920, 1080);
            await().atMost(Duration.ofSeconds(10)).until(() -> text(chromium, "pinned-sold").equals("Đã chốt 3/600 cái"));
            assertThat(chromium.driver().findElement(By.tagName("body")).getAttribute("class"))
                    .contains("layout-landscape", "theme-light");
            chromium.screenshot(Path.of("target", "overlay-landscape.png"));
        }
    }

    @Test
    void partsAndTransparencyFollowTheUrl() throws Exception {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.session(coop);
        long item = LivestreamApi.item(session, "GA05", LivestreamApi.product(catalog, coop), 30);
        LivestreamApi.start(session);
        given().post(LineupTest.lineup(session, item) + "/pin").then().statusCode(200);

        try (Chromium chromium = Chromium.start()) {
            chromium.open(overlay(session, "&parts=pinned&transparent=1&accent=00aa55"), 1080, 1920);
            await().atMost(Duration.ofSeconds(10)).until(() -> text(chromium, "pinned-sold").equals("Đã chốt 0/30 cái"));
            assertThat(chromium.driver().findElement(By.id("ticker")).isDisplayed()).isFalse();
            assertThat(chromium.driver().findElement(By.tagName("body")).getCssValue("background-color"))
                    .isEqualTo("rgba(0, 0, 0, 0)");
            assertThat(chromium.driver().findElement(By.id("pinned-code")).getCssValue("background-color"))
                    .isEqualTo("rgba(0, 170, 85, 1)");
        }
    }

    @Test
    void showsItIsReconnectingWhileCutOffAndComesBackWithFreshNumbers() throws Exception {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.session(coop);
        long item = LivestreamApi.item(session, "BG01", LivestreamApi.product(catalog, coop), 50);
        LivestreamApi.start(session);
        given().post(LineupTest.lineup(session, item) + "/pin").then().statusCode(200);

        try (Chromium chromium = Chromium.start(); EventPublisher publisher = EventPublisher.open()) {
            chromium.open(overlay(session, ""), 1080, 1920);
            await().atMost(Duration.ofSeconds(10)).until(() -> text(chromium, "pinned-sold").equals("Đã chốt 0/50 cái"));
            WebElement reconnecting = chromium.driver().findElement(By.id("reconnecting"));
            assertThat(reconnecting.isDisplayed()).isFalse();

            chromium.offline(true);
            await().atMost(Duration.ofSeconds(20)).until(reconnecting::isDisplayed);
            assertThat(reconnecting.getText()).isEqualTo("đang kết nối lại…");
            assertThat(chromium.driver().findElement(By.id("pinned")).isDisplayed())
                    .as("no stale numbers while cut off").isFalse();

            OrderEvents.publish(publisher, OrderEvents.event(301, session, coop, "PLACED", null,
                    List.of(new Line(item, "BG01", 4, 12000)), "Cô L***"));
            boardShows(session, "BG01", 4);
            chromium.offline(false);
            await().atMost(Duration.ofSeconds(20)).until(() -> !reconnecting.isDisplayed()
                    && text(chromium, "pinned-sold").equals("Đã chốt 4/50 cái"));
            assertThat(text(chromium, "ticker")).startsWith("Cô L*** vừa chốt 4 ");

            OrderEvents.publish(publisher, OrderEvents.event(302, session, coop, "PLACED", null,
                    List.of(new Line(item, "BG01", 1, 12000)), "Em N***"));
            boardShows(session, "BG01", 5);
            await().atMost(ON_PAGE).until(() -> text(chromium, "pinned-sold").equals("Đã chốt 5/50 cái"));
        }
    }

    @Test
    void theHostPageShowsStaffThePaceAndTheLatestOrderCodes() throws Exception {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.session(coop);
        long bg = LivestreamApi.item(session, "BG01", LivestreamApi.product(catalog, coop), 40);
        LivestreamApi.start(session);

        given().get("/sessions/" + session + "/board/host").then().statusCode(200).body("ordersLastMinute", is(0));
        Callers.as(TestTokens.staff(coop + 1)).get("/sessions/" + session + "/board/host").then().statusCode(404);

        try (Chromium chromium = Chromium.start(); EventPublisher publisher = EventPublisher.open()) {
            chromium.open(host(session, "#token=" + TestTokens.staff(coop + 1)), 900, 1600);
            await().atMost(Duration.ofSeconds(10)).until(() -> chromium.driver().findElement(By.id("login")).isDisplayed()
                    && text(chromium, "login-error").contains("404"));

            chromium.open(host(session, "#token=" + TestTokens.staff(coop)), 900, 1600);
            await().atMost(Duration.ofSeconds(10)).until(() -> text(chromium, "board").equals("BG01 · 0/40 · còn 40"));
            assertThat(chromium.driver().getCurrentUrl()).as("the token leaves the address bar").doesNotContain("token");

            Instant now = Instant.now();
            OrderEvents.publish(publisher, OrderEvents.event(401, session, coop, "PLACED", null,
                    List.of(new Line(bg, "BG01", 20, 12000)), "Chị H***", now));
            OrderEvents.publish(publisher, OrderEvents.event(402, session, coop, "PLACED", null,
                    List.of(new Line(bg, "BG01", 17, 12000)), "Bác T***", now));
            boardShows(session, "BG01", 37);
            await().atMost(ON_PAGE).until(() -> text(chromium, "orders-minute").equals("2")
                    && text(chromium, "units-minute").equals("37")
                    && text(chromium, "selling-out").startsWith("BG01 ")
                    && text(chromium, "selling-out").endsWith(": còn 3"));
            assertThat(text(chromium, "latest")).isEqualTo("CD-402 · Bác T*** · 17 × BG01\nCD-401 · Chị H*** · 20 × BG01");
            chromium.screenshot(Path.of("target", "host-page.png"));
        }
    }

    private static String host(long session, String fragment) {
        return "http://localhost:" + RestAssured.port + "/host.html?session=" + session + fragment;
    }

    private static String overlay(long session, String options) {
        return "http://localhost:" + RestAssured.port + "/overlay.html?session=" + session + options;
    }

    private static String text(Chromium chromium, String id) {
        return chromium.driver().findElement(By.id(id)).getText();
    }

    private static String row(Chromium chromium, String code) {
        return chromium.driver().findElement(By.cssSelector("#items li[data-code='" + code + "']")).getText();
    }

    /** Waits until the consumer applied the events: the public board counts these units ordered. */
    private static void boardShows(long session, String code, long ordered) {
        await().atMost(APPLIED).until(() -> given().get("/sessions/" + session + "/board").then().extract().jsonPath()
                .getLong("items.find { it.code == '" + code + "' }.ordered") == ordered);
    }
}
