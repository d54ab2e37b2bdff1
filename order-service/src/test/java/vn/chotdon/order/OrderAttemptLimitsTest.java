package vn.chotdon.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;

/**
 * Budgets of order attempts under a crowd: many concurrent clients behind one address, or one
 * phone written in several ways from many addresses. The service runs as behind a reverse proxy
 * on this machine, so each request's client address is its X-Forwarded-For.
 */
@QuarkusTest
@TestProfile(OrderAttemptLimitsTest.TightBudgets.class)
class OrderAttemptLimitsTest {

    private static final int PER_ADDRESS = 20;
    private static final int PER_PHONE = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static class TightBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chotdon.order-attempts.per-address-per-minute", Integer.toString(PER_ADDRESS),
                    "chotdon.order-attempts.per-phone-per-minute", Integer.toString(PER_PHONE),
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.0/8,::1");
        }
    }

    private record Attempt(String address, String phone, String key) {
    }

    private record Answer(Attempt attempt, int status, String body, String retryAfter) {
    }

    private LiveSale sale;

    @BeforeEach
    void openASale() {
        Callers.anonymous();
        sale = new LiveSale().open();
        sale.item("BG01", "Bánh gio", 15000, 10_000, null);
    }

    @Test
    void aCrowdBehindOneAddressGetsItsBudgetAndTheRestWaitWithoutAnyEffect() throws Exception {
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 2 * PER_ADDRESS; i++) {
            attempts.add(new Attempt("203.0.113.7", String.format("0913%06d", i), UUID.randomUUID().toString()));
        }
        long start = System.nanoTime();
        List<Answer> answers = concurrently(attempts);
        // The bucket refills a token every 60 / PER_ADDRESS seconds: on a slow machine the burst may outlast one.
        long refilled = (System.nanoTime() - start) / TimeUnit.SECONDS.toNanos(60 / PER_ADDRESS);

        List<Answer> placed = answers.stream().filter(a -> a.status() == 201).toList();
        List<Answer> refused = answers.stream().filter(a -> a.status() == 429).toList();
        assertThat(placed).as("answers %s", answers).hasSizeBetween(PER_ADDRESS, PER_ADDRESS + (int) refilled);
        assertThat(refused).hasSize(answers.size() - placed.size());
        refused.forEach(answer -> {
            assertThat(Long.parseLong(answer.retryAfter())).as("Retry-After").isBetween(1L, 60L);
            assertThat(answer.body()).contains("too-many-attempts", "your network")
                    .doesNotContain(answer.attempt().phone().substring(1));
        });
        Db db = Db.ofApplication();
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId))
                .as("refused attempts placed nothing").isEqualTo(placed.size());

        // The budget refills over the minute; the same request, same key, then goes through.
        Attempt again = refused.get(0).attempt();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> send(again).status() == 201);
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId))
                .isEqualTo(placed.size() + 1);
    }

    @Test
    void onePhoneCountsOnceHoweverItIsWrittenAndFromWherever() throws Exception {
        List<String> forms = List.of("0914 222 333", "+84914222333", "84914222333", "0914.222.333");
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            attempts.add(new Attempt("198.51.100." + (i + 1), forms.get(i % forms.size()), UUID.randomUUID().toString()));
        }
        List<Answer> answers = concurrently(attempts);

        assertThat(answers.stream().filter(a -> a.status() == 201).count()).as("answers %s", answers).isEqualTo(PER_PHONE);
        assertThat(answers).filteredOn(a -> a.status() == 429).hasSize(12 - PER_PHONE)
                .allSatisfy(a -> assertThat(a.body()).contains("this phone number").doesNotContain("914222333"));
        assertThat(Db.ofApplication().number(
                "SELECT COUNT(*) FROM orders WHERE session_id = ? AND buyer_phone = '+84914222333'", sale.sessionId))
                .isEqualTo(PER_PHONE);
    }

    private List<Answer> concurrently(List<Attempt> attempts) throws Exception {
        List<ConcurrentBuyers.Answer> answers = ConcurrentBuyers.post("/orders", attempts.size(),
                i -> body(attempts.get(i)), i -> attempts.get(i).key(),
                i -> Map.of("X-Forwarded-For", attempts.get(i).address()));
        List<Answer> seen = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            ConcurrentBuyers.Answer answer = answers.get(i);
            seen.add(new Answer(attempts.get(i), answer.status(), answer.body(),
                    answer.headers().firstValue("Retry-After").orElse(null)));
        }
        return seen;
    }

    private Answer send(Attempt attempt) throws Exception {
        return concurrently(List.of(attempt)).get(0);
    }

    private String body(Attempt attempt) {
        try {
            return JSON.writeValueAsString(sale.order("BG01", 1, attempt.phone()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
