package vn.chotdon.order.payment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.chotdon.order.service.OrderCodes;

/**
 * Each cooperative's key for its bank-notification webhook. A new key replaces the old one at
 * once (rotation); only its SHA-256 is stored, so the key is shown once, when it is made. A key
 * presented is hashed and compared with the stored hash in constant time.
 */
@ApplicationScoped
public class WebhookKeys {

    /** A new key and when it was made. */
    public record NewKey(String key, Instant createdAt) {
    }

    /** Compared against when a cooperative has no key, so that both answers take the same time. */
    private static final String NO_KEY = "0".repeat(64);

    private final EntityManager em;

    WebhookKeys(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public NewKey rotate(long cooperativeId, String who) {
        String key = "chotdon_" + OrderCodes.newAccessToken();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("DELETE FROM payment_webhook_key WHERE cooperative_id = ?1")
                .setParameter(1, cooperativeId).executeUpdate();
        em.createNativeQuery("INSERT INTO payment_webhook_key (cooperative_id, key_hash, created_by, created_at)"
                + " VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, cooperativeId).setParameter(2, OrderCodes.sha256(key)).setParameter(3, who)
                .setParameter(4, now).executeUpdate();
        return new NewKey(key, now);
    }

    /** True when the key is the cooperative's current one. */
    @Transactional
    public boolean accepts(long cooperativeId, String presented) {
        List<?> stored = em.createNativeQuery("SELECT key_hash FROM payment_webhook_key WHERE cooperative_id = ?1")
                .setParameter(1, cooperativeId).getResultList();
        String hash = stored.isEmpty() ? NO_KEY : (String) stored.get(0);
        byte[] given = OrderCodes.sha256(presented == null ? "" : presented).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, hash.getBytes(StandardCharsets.US_ASCII)) && !stored.isEmpty()
                && presented != null;
    }
}
