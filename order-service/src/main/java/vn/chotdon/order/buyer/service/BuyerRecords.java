package vn.chotdon.order.buyer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import vn.chotdon.order.buyer.BuyerSummary;
import vn.chotdon.order.config.BuyerSettings;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.tx.RetryOnDeadlock;

/**
 * Buyers' records and flags, per cooperative and normalised phone, for the cooperative's people.
 * Methods taking a cooperative scope refuse another cooperative as not found (404), as if it did
 * not exist. The counters themselves are kept by {@link BuyerRecordLedger} from order events.
 */
@ApplicationScoped
public class BuyerRecords {

    /** A flag or an un-flag, as kept in the history. */
    public record FlagChange(String action, String note, String by, Instant at) {
    }

    /** How many of a phone's flag changes a read shows, newest first. */
    static final int HISTORY_SHOWN = 20;

    private static final String STANDING = "SELECT r.buyer_phone, r.placed, r.delivered, r.paid, r.cancelled_by_buyer,"
            + " r.expired_unpaid, r.returned, f.note, f.flagged_by, f.flagged_at FROM buyer_record r"
            + " LEFT JOIN buyer_flag f ON f.cooperative_id = r.cooperative_id AND f.buyer_phone = r.buyer_phone"
            + " WHERE r.cooperative_id = ?1 AND r.buyer_phone ";

    private final EntityManager em;
    private final int unreliableAfter;

    BuyerRecords(EntityManager em, BuyerSettings settings) {
        this.em = em;
        this.unreliableAfter = settings.unreliableAfter();
    }

    public int unreliableAfter() {
        return unreliableAfter;
    }

    /** The phone's record and flag in the cooperative: one primary-key read (zeros and no flag when none). */
    public BuyerStanding standing(long cooperativeId, String phoneE164) {
        return RetryOnDeadlock.inNewTransaction(() -> {
            List<?> rows = em.createNativeQuery(STANDING + "= ?2").setParameter(1, cooperativeId)
                    .setParameter(2, phoneE164).getResultList();
            return rows.isEmpty() ? BuyerStanding.UNKNOWN : standing((Object[]) rows.get(0));
        });
    }

    /** The summaries of these phones in the cooperative, read in one query. */
    public Map<String, BuyerSummary> summaries(long cooperativeId, Collection<String> phonesE164) {
        List<String> phones = phonesE164.stream().distinct().toList();
        Map<String, BuyerSummary> found = new HashMap<>();
        if (phones.isEmpty()) {
            return found;
        }
        // A page of orders or comments names a few dozen phones at most: one placeholder each.
        String in = IntStream.range(0, phones.size()).mapToObj(i -> "?" + (i + 2)).collect(Collectors.joining(", "));
        RetryOnDeadlock.inNewTransaction(() -> {
            var query = em.createNativeQuery(STANDING + "IN (" + in + ")").setParameter(1, cooperativeId);
            for (int i = 0; i < phones.size(); i++) {
                query.setParameter(i + 2, phones.get(i));
            }
            for (Object row : query.getResultList()) {
                Object[] columns = (Object[]) row;
                found.put((String) columns[0], standing(columns).summary(unreliableAfter));
            }
            return null;
        });
        phones.forEach(phone -> found.putIfAbsent(phone, BuyerStanding.UNKNOWN.summary(unreliableAfter)));
        return found;
    }

    public BuyerSummary summary(long cooperativeId, String phoneE164) {
        return standing(cooperativeId, phoneE164).summary(unreliableAfter);
    }

    /** The phone's record and flag, and its latest flag changes, for the cooperative's people. */
    public BuyerStanding standing(long cooperativeId, String phoneE164, Long scope) {
        inScope(cooperativeId, scope);
        return standing(cooperativeId, phoneE164);
    }

    public List<FlagChange> history(long cooperativeId, String phoneE164, Long scope) {
        inScope(cooperativeId, scope);
        return RetryOnDeadlock.inNewTransaction(() -> em.createNativeQuery("SELECT action, note, acted_by, acted_at"
                + " FROM buyer_flag_history WHERE cooperative_id = ?1 AND buyer_phone = ?2 ORDER BY id DESC LIMIT "
                + HISTORY_SHOWN).setParameter(1, cooperativeId).setParameter(2, phoneE164).getResultList().stream()
                .map(row -> {
                    Object[] c = (Object[]) row;
                    return new FlagChange((String) c[0], (String) c[1], (String) c[2], StoredInstant.of(c[3]));
                }).toList());
    }

    /**
     * Flags the phone (or replaces its note): who is the caller, when is now. The phone gets a
     * record of zeros if it has none, so that every flag is read with its record.
     */
    public BuyerStanding flag(long cooperativeId, String phoneE164, String note, String who, Long scope) {
        inScope(cooperativeId, scope);
        Instant now = now();
        RetryOnDeadlock.inNewTransaction(() -> {
            em.createNativeQuery("INSERT IGNORE INTO buyer_record (cooperative_id, buyer_phone, updated_at)"
                    + " VALUES (?1, ?2, ?3)").setParameter(1, cooperativeId).setParameter(2, phoneE164)
                    .setParameter(3, now).executeUpdate();
            em.createNativeQuery("INSERT INTO buyer_flag (cooperative_id, buyer_phone, note, flagged_by, flagged_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5)"
                    + " ON DUPLICATE KEY UPDATE note = ?3, flagged_by = ?4, flagged_at = ?5")
                    .setParameter(1, cooperativeId).setParameter(2, phoneE164).setParameter(3, note)
                    .setParameter(4, who).setParameter(5, now).executeUpdate();
            recordChange(cooperativeId, phoneE164, "FLAGGED", note, who, now);
            return null;
        });
        return standing(cooperativeId, phoneE164);
    }

    /** Takes the flag off the phone; the history keeps who and when. A phone not flagged stays as it is. */
    public BuyerStanding unflag(long cooperativeId, String phoneE164, String who, Long scope) {
        inScope(cooperativeId, scope);
        Instant now = now();
        RetryOnDeadlock.inNewTransaction(() -> {
            int removed = em.createNativeQuery("DELETE FROM buyer_flag WHERE cooperative_id = ?1 AND buyer_phone = ?2")
                    .setParameter(1, cooperativeId).setParameter(2, phoneE164).executeUpdate();
            if (removed == 1) {
                recordChange(cooperativeId, phoneE164, "UNFLAGGED", null, who, now);
            }
            return null;
        });
        return standing(cooperativeId, phoneE164);
    }

    private void recordChange(long cooperativeId, String phone, String action, String note, String who, Instant at) {
        em.createNativeQuery("INSERT INTO buyer_flag_history (cooperative_id, buyer_phone, action, note, acted_by,"
                + " acted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, cooperativeId).setParameter(2, phone).setParameter(3, action).setParameter(4, note)
                .setParameter(5, who).setParameter(6, at).executeUpdate();
    }

    private static BuyerStanding standing(Object[] c) {
        BuyerSummary.Flag flag = c[7] == null ? null
                : new BuyerSummary.Flag((String) c[7], (String) c[8], StoredInstant.of(c[9]));
        return new BuyerStanding(number(c[1]), number(c[2]), number(c[3]), number(c[4]), number(c[5]), number(c[6]),
                flag);
    }

    /** An owner or staff token is bound to its cooperative: another cooperative is not found. */
    private static void inScope(long cooperativeId, Long scope) {
        if (scope != null && scope != cooperativeId) {
            throw ProblemException.notFound("Cooperative", cooperativeId);
        }
    }

    private static long number(Object column) {
        return ((Number) column).longValue();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
