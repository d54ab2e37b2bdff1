package vn.chotdon.livestream;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import vn.chotdon.livestream.board.TickerRetention;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

/** Old ticker rows are deleted in batches, by one instance per period. */
@QuarkusTest
class TickerRetentionTest {

    private static final Duration PERIOD = Duration.ofMinutes(10);

    @CatalogStub.Server
    WireMockServer catalog;

    @Inject
    TickerRetention retention;

    Db db = Db.ofApplication();

    @Test
    void rowsPastTheRetentionGoOncePerPeriodWhicheverInstanceRunsIt() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.liveSession(coop);
        long item = LivestreamApi.item(session, "BG01", LivestreamApi.product(catalog, coop), 10_000);
        Instant now = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 2500; i++) {
            tick(session, item, i, now.minus(Duration.ofDays(8)).plusSeconds(i));
        }
        for (int i = 0; i < 3; i++) {
            tick(session, item, 10_000 + i, now.minus(Duration.ofDays(6)));
        }

        assertThat(retention.trim(now, PERIOD)).isGreaterThanOrEqualTo(2500);
        assertThat(db.number("SELECT COUNT(*) FROM ticker_entry WHERE session_id = ?", session)).isEqualTo(3);
        assertThat(retention.trim(now.plusSeconds(30), PERIOD)).as("another instance, same period").isEqualTo(-1);
        assertThat(retention.trim(now.plus(PERIOD), PERIOD)).as("the next period").isNotNegative();
    }

    private void tick(long session, long item, long order, Instant placedAt) {
        db.execute("INSERT INTO ticker_entry (session_id, item_id, order_id, order_code, buyer_shown_as, quantity,"
                + " placed_at) VALUES (?, ?, ?, ?, ?, 1, ?)", session, item, order, "CD-" + order, "Chị H***",
                Timestamp.from(placedAt));
    }
}
