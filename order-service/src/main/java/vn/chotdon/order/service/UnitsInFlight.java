package vn.chotdon.order.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import vn.chotdon.order.readmodel.LiveLineups.Lineup;
import vn.chotdon.order.service.NewOrders.Want;

/**
 * The units this instance's order requests are placing right now, per lineup item: claimed when
 * a request is let through, until its transaction commits or it ends without an order. A request
 * for an item whose units left in the copy of the lineup are all claimed by requests still running
 * is refused at once, where it arrives: in a flash sale the few hundred units are claimed in the
 * first second, and the thousands of taps after them need not wait behind those orders to learn
 * that nothing is left.
 *
 * <p>Such a refusal is the product's decision, not a certainty: a claimed order may still be
 * refused (a per-buyer limit, the held-units cap) and give its units back, and a tap refused a
 * moment before that would have had one. A tap after that gets it; the refusal says how many units
 * are being ordered ({@code beingOrdered}). Units are never oversold either way: the quota's
 * conditional UPDATE in the order's transaction decides.
 *
 * <p>What is counted is only what surely is not yet in the copy's counters, so a count can be low
 * (a request let through that the database then refuses) but never high (a tap refused while the
 * copy and the claims together still had a unit): a claim still running, or one whose commit began
 * after the copy's read ended. A commit that began before that may be in the copy, and is not
 * counted. Another instance's claims are not seen here; its commits are, in the next copy.
 */
@ApplicationScoped
public class UnitsInFlight {

    /** Units of one item being placed, and the claims whose commit began but may not be in a copy. */
    private static final class ItemClaims {

        private long running;
        private final Set<Part> committing = new LinkedHashSet<>();

        /** Units not in a copy whose read ended at {@code readDone}; drops what no newer copy needs. */
        synchronized long notIn(long readDone) {
            committing.removeIf(part -> part.committingAt - readDone <= 0);
            long units = running;
            for (Part part : committing) {
                units += part.units;
            }
            return units;
        }
    }

    /** One item's units of a claim. */
    private static final class Part {

        final ItemClaims item;
        final long units;
        long committingAt;

        Part(ItemClaims item, long units) {
            this.item = item;
            this.units = units;
        }
    }

    private enum State { RUNNING, COMMITTING, COMMITTED, CLOSED }

    /**
     * One request's units; {@link #close} gives them back unless its order committed. Safe to close
     * twice and from another thread (the REST layer closes it when the request ends, however).
     */
    public static final class Claim implements AutoCloseable {

        private final UnitsInFlight owner;
        private final List<Part> parts;
        private final String idempotencyKey;
        private State state = State.RUNNING;

        private Claim(UnitsInFlight owner, List<Part> parts, String idempotencyKey) {
            this.owner = owner;
            this.parts = parts;
            this.idempotencyKey = idempotencyKey;
        }

        /** The order's transaction begins its commit: from now on a copy read after this may hold it. */
        public void committing() {
            long now = System.nanoTime();
            move(State.RUNNING, State.COMMITTING, part -> {
                part.committingAt = now;
                part.item.running -= part.units;
                part.item.committing.add(part);
            });
        }

        /** The commit did not happen: the units are running again (the request may try once more). */
        public void notCommitted() {
            move(State.COMMITTING, State.RUNNING, part -> {
                part.item.committing.remove(part);
                part.item.running += part.units;
            });
        }

        /** The order is in the database: what the claim counts lapses as copies read after it come. */
        public void committed() {
            move(State.COMMITTING, State.COMMITTED, part -> {
            });
        }

        @Override
        public void close() {
            synchronized (this) {
                if (state == State.CLOSED) {
                    return;
                }
                if (state == State.RUNNING) {
                    forEachPart(part -> part.item.running -= part.units);
                } else if (state == State.COMMITTING) {
                    forEachPart(part -> part.item.committing.remove(part));
                }
                state = State.CLOSED;
            }
            if (idempotencyKey != null) {
                owner.byKey.remove(idempotencyKey, this);
            }
        }

        /** Whether this claim counts units: a request let through without one (no copy at hand) does not. */
        public boolean holdsUnits() {
            return !parts.isEmpty();
        }

        private synchronized void move(State from, State to, Consumer<Part> change) {
            if (state != from) {
                return;
            }
            forEachPart(change);
            state = to;
        }

        private void forEachPart(Consumer<Part> change) {
            for (Part part : parts) {
                synchronized (part.item) {
                    change.accept(part);
                }
            }
        }
    }

    /** Whether the request was let through with its claim, or which want found every unit left claimed. */
    public sealed interface Outcome {
    }

    /** Let through; close the claim when the request ends. */
    public record LetThrough(Claim claim) implements Outcome {
    }

    /** Nothing claimed: the want's units left in the copy ({@code left}) are all but {@code unclaimed} claimed. */
    public record AllClaimed(Want want, long left, long unclaimed, long beingOrdered) implements Outcome {
    }

    private final ConcurrentHashMap<Long, ItemClaims> byItem = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Claim> byKey = new ConcurrentHashMap<>();

    /** A claim of nothing, for a request let through before a copy of its lineup was at hand. */
    public Claim none() {
        return new Claim(this, List.of(), null);
    }

    /**
     * Claims the wants' units if the copy's units left, less those claimed here and not in the copy,
     * cover each. A request whose Idempotency-Key is already being placed here is let through
     * without a claim: it waits for the first and gets its answer, never a refusal for the units its
     * own first try holds.
     *
     * @param idempotencyKey the request's key as sent, or null
     */
    public Outcome claim(Lineup copy, List<Want> wants, String idempotencyKey) {
        if (idempotencyKey != null && byKey.containsKey(idempotencyKey)) {
            return new LetThrough(none());
        }
        List<Want> inItemOrder = new ArrayList<>(wants);
        inItemOrder.sort(Comparator.comparingLong(want -> want.item().itemId()));
        List<ItemClaims> items = inItemOrder.stream()
                .map(want -> byItem.computeIfAbsent(want.item().itemId(), id -> new ItemClaims())).toList();
        // Every item's lock at once, in item order: two requests for the same items cannot both see the last unit.
        Optional<AllClaimed> allClaimed = lockAndClaim(copy, inItemOrder, items, 0);
        if (allClaimed.isPresent()) {
            return allClaimed.get();
        }
        List<Part> parts = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            parts.add(new Part(items.get(i), inItemOrder.get(i).quantity()));
        }
        Claim claim = new Claim(this, parts, idempotencyKey);
        if (idempotencyKey != null && byKey.putIfAbsent(idempotencyKey, claim) != null) {
            // The same key arrived at the same moment and claimed first: this one waits for it.
            claim.close();
            return new LetThrough(none());
        }
        return new LetThrough(claim);
    }

    private Optional<AllClaimed> lockAndClaim(Lineup copy, List<Want> wants, List<ItemClaims> items, int next) {
        if (next == items.size()) {
            for (int i = 0; i < items.size(); i++) {
                items.get(i).running += wants.get(i).quantity();
            }
            return Optional.empty();
        }
        ItemClaims item = items.get(next);
        synchronized (item) {
            Want want = wants.get(next);
            long left = want.item().remaining();
            long beingOrdered = item.notIn(copy.readDoneNanos());
            if (left - beingOrdered < want.quantity()) {
                return Optional.of(new AllClaimed(want, left, Math.max(0, left - beingOrdered), beingOrdered));
            }
            return lockAndClaim(copy, wants, items, next + 1);
        }
    }

    /** Units of the item claimed by this instance's requests still running (not yet committing). */
    public long running(long itemId) {
        ItemClaims item = byItem.get(itemId);
        if (item == null) {
            return 0;
        }
        synchronized (item) {
            return item.running;
        }
    }

    /**
     * Items nobody claims any more leave the map, so that a service running for months keeps only
     * the items of the last moments. A request that took an item's entry just as it left counts its
     * units where nobody else sees them: a count too low for a moment, never too high.
     */
    @Scheduled(identity = "order-units-in-flight-prune", every = "1m", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        // Counted from now, every commit has begun before: nothing is left unless a claim still runs.
        byItem.values().removeIf(item -> item.notIn(System.nanoTime()) == 0);
    }
}
