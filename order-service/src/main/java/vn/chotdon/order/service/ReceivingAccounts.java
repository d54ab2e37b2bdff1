package vn.chotdon.order.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import vn.chotdon.order.config.OrderSettings;
import vn.chotdon.order.transfer.BankText;
import vn.chotdon.order.transfer.Banks;
import vn.chotdon.order.transfer.PayeeAccount;
import vn.chotdon.order.transfer.ReceivingAccount;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.tx.RetryOnDeadlock;

/**
 * A cooperative's receiving accounts, and the in-memory copies that bank-transfer orders are
 * given their account from. Every method for a cooperative's people takes the caller's
 * cooperative scope: another cooperative's accounts are not found (404), as if they did not exist.
 *
 * <p>Placing an order reads the cooperative's default account from a copy at most
 * {@code chotdon.orders.receiving-account-max-age} old (per instance; dropped at once on the
 * instance that changes it), so the hot path takes no lock and reads no row for it.
 */
@ApplicationScoped
@Startup
public class ReceivingAccounts {

    /** What a cooperative's person asks to record. */
    public record NewAccount(String bankBin, String accountNumber, String accountName, boolean makeDefault) {
    }

    /** The account_name column's length. */
    static final int MAX_NAME = 100;

    private final EntityManager em;
    private final Cache<Long, Optional<PayeeAccount>> defaults;
    /** Bank, number and name of an account never change: a copy never goes stale. */
    private final Cache<Long, PayeeAccount> payees = Caffeine.newBuilder().maximumSize(10_000).build();

    ReceivingAccounts(EntityManager em, OrderSettings settings) {
        this.em = em;
        this.defaults = Caffeine.newBuilder().maximumSize(10_000)
                .expireAfterWrite(settings.receivingAccountMaxAge()).build();
        // Read the bank list at start: a broken file stops the service here, not at the first order.
        Banks.all();
    }

    /** The account a new bank-transfer order of this cooperative names, if it has one. */
    public Optional<PayeeAccount> defaultFor(long cooperativeId) {
        return defaults.get(cooperativeId, id -> QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select a from ReceivingAccount a where a.defaultFor = :c", ReceivingAccount.class)
                .setParameter("c", id).getResultStream().findFirst().map(ReceivingAccount::payee)));
    }

    /** The account an order names (whether still active or not: the order's QR code named it). */
    public PayeeAccount payee(long accountId) {
        return payees.get(accountId, id -> QuarkusTransaction.requiringNew().call(() -> {
            ReceivingAccount account = ReceivingAccount.findById(id);
            if (account == null) {
                throw new IllegalStateException("an order names receiving account " + id + ", which does not exist");
            }
            return account.payee();
        }));
    }

    public List<ReceivingAccount> list(long cooperativeId, Long scope) {
        inScope(cooperativeId, scope);
        return QuarkusTransaction.requiringNew().call(() -> ReceivingAccount.<ReceivingAccount>list(
                "cooperativeId = ?1 order by id", cooperativeId));
    }

    public ReceivingAccount get(long cooperativeId, long accountId, Long scope) {
        inScope(cooperativeId, scope);
        return QuarkusTransaction.requiringNew().call(() -> find(cooperativeId, accountId));
    }

    /**
     * Records an account at a bank of the NAPAS list; the cooperative's first account, or one asked
     * to be, becomes its default. Recording an account already recorded (same bank, number and
     * name) is a retry: it answers that account, active again (and the default if asked, or if the
     * cooperative has none), so a request whose answer was lost can be sent again.
     */
    public ReceivingAccount create(long cooperativeId, NewAccount asked, Long scope, String subject) {
        inScope(cooperativeId, scope);
        if (Banks.byBin(asked.bankBin()).isEmpty()) {
            throw ProblemException.invalidReference("bankBin", "no bank with NAPAS BIN " + asked.bankBin()
                    + " is in the list of Vietnamese banks this service knows");
        }
        String name = BankText.accountName(asked.accountName());
        if (name.isEmpty() || name.length() > MAX_NAME) {
            // A few letters decompose into two ASCII ones (Ǆ is DŽ): the name may grow past the column.
            throw ProblemException.invalid("accountName", "must hold 1 to " + MAX_NAME
                    + " letters a bank can show (upper-case ASCII)");
        }
        return changing(cooperativeId, () -> {
            Instant now = now();
            Optional<ReceivingAccount> recorded = ReceivingAccount.<ReceivingAccount>find(
                    "cooperativeId = ?1 and bankBin = ?2 and accountNumber = ?3", cooperativeId, asked.bankBin(),
                    asked.accountNumber()).firstResultOptional();
            if (recorded.isPresent() && !recorded.get().accountName.equals(name)) {
                throw ProblemException.conflict("receiving-account-exists", "Account already recorded",
                        "Account " + asked.accountNumber() + " at bank " + asked.bankBin() + " is already recorded"
                                + " with another name (" + recorded.get().accountName + "); bank, number and name of an"
                                + " account never change")
                        .with("accountId", recorded.get().id);
            }
            boolean hasDefault = !em.createQuery("select a.id from ReceivingAccount a where a.defaultFor = :c",
                    Long.class).setParameter("c", cooperativeId).getResultList().isEmpty();
            ReceivingAccount account = recorded.orElseGet(() -> {
                ReceivingAccount created = new ReceivingAccount();
                created.cooperativeId = cooperativeId;
                created.bankBin = asked.bankBin();
                created.accountNumber = asked.accountNumber();
                created.accountName = name;
                created.createdAt = now;
                created.createdBy = subject;
                return created;
            });
            boolean becomesDefault = asked.makeDefault() && !account.isDefault();
            if (becomesDefault) {
                clearDefault(cooperativeId, now);
                em.flush();
            }
            account.active = true;
            if (becomesDefault || !hasDefault) {
                account.defaultFor = cooperativeId;
            }
            account.updatedAt = now;
            if (recorded.isEmpty()) {
                account.persist();
            }
            em.flush();
            return account;
        });
    }

    /** Makes the account the cooperative's default, active again if it was not. */
    public ReceivingAccount makeDefault(long cooperativeId, long accountId, Long scope) {
        inScope(cooperativeId, scope);
        return changing(cooperativeId, () -> {
            find(cooperativeId, accountId);
            Instant now = now();
            clearDefault(cooperativeId, now);
            em.createQuery("update ReceivingAccount set defaultFor = :c, active = true, updatedAt = :now"
                    + " where id = :id and cooperativeId = :c")
                    .setParameter("c", cooperativeId).setParameter("now", now).setParameter("id", accountId)
                    .executeUpdate();
            em.clear();
            return find(cooperativeId, accountId);
        });
    }

    /**
     * Stops offering the account to new orders (orders that named it keep it). When it was the
     * default, the cooperative's oldest other active account becomes the default, if there is one.
     */
    public ReceivingAccount deactivate(long cooperativeId, long accountId, Long scope) {
        inScope(cooperativeId, scope);
        return changing(cooperativeId, () -> {
            ReceivingAccount account = find(cooperativeId, accountId);
            if (!account.active) {
                return account;
            }
            boolean wasDefault = account.isDefault();
            Instant now = now();
            em.createQuery("update ReceivingAccount set active = false, defaultFor = null, updatedAt = :now"
                    + " where id = :id and cooperativeId = :c")
                    .setParameter("now", now).setParameter("id", accountId).setParameter("c", cooperativeId)
                    .executeUpdate();
            if (wasDefault) {
                em.createQuery("select a.id from ReceivingAccount a where a.cooperativeId = :c and a.active = true"
                        + " and a.id <> :id order by a.id", Long.class)
                        .setParameter("c", cooperativeId).setParameter("id", accountId).setMaxResults(1)
                        .getResultStream().findFirst()
                        .ifPresent(next -> em.createQuery("update ReceivingAccount set defaultFor = :c, updatedAt = :now"
                                + " where id = :id").setParameter("c", cooperativeId).setParameter("now", now)
                                .setParameter("id", next).executeUpdate());
            }
            em.clear();
            return find(cooperativeId, accountId);
        });
    }

    private void clearDefault(long cooperativeId, Instant now) {
        em.createQuery("update ReceivingAccount set defaultFor = null, updatedAt = :now where defaultFor = :c")
                .setParameter("now", now).setParameter("c", cooperativeId).executeUpdate();
    }

    /**
     * Runs a change in its own transaction (again if it lost a deadlock: two changes of one
     * cooperative's accounts lock their rows in different orders) and drops this instance's copy of
     * the default. The unique keys decide between two changes at once (the same account recorded
     * twice, two defaults): the one that loses changes nothing and answers 409 concurrent-change, to
     * be sent again.
     */
    private ReceivingAccount changing(long cooperativeId, Supplier<ReceivingAccount> change) {
        try {
            return RetryOnDeadlock.inNewTransaction(change);
        } catch (RuntimeException e) {
            if (violates(e, "uk_receiving_account_default") || violates(e, "uk_receiving_account_number")) {
                throw ProblemException.conflict("concurrent-change", "Changed at the same time",
                        "Another change to the cooperative's receiving accounts ran at the same time; nothing was"
                                + " changed, send the request again");
            }
            throw e;
        } finally {
            defaults.invalidate(cooperativeId);
        }
    }

    private ReceivingAccount find(long cooperativeId, long accountId) {
        ReceivingAccount account = ReceivingAccount.<ReceivingAccount>find("id = ?1 and cooperativeId = ?2", accountId,
                cooperativeId).firstResult();
        if (account == null) {
            throw ProblemException.notFound("Receiving account", accountId);
        }
        return account;
    }

    /** An owner or staff token is bound to its cooperative: another cooperative is not found. */
    private static void inScope(long cooperativeId, Long scope) {
        if (scope != null && scope != cooperativeId) {
            throw ProblemException.notFound("Cooperative", cooperativeId);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean violates(Throwable e, String uniqueKey) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException && String.valueOf(t.getMessage()).contains(uniqueKey)) {
                return true;
            }
        }
        return false;
    }
}
