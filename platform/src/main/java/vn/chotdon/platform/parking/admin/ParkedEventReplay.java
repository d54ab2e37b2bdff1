package vn.chotdon.platform.parking.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import vn.chotdon.platform.database.DatabaseOutage;
import vn.chotdon.platform.consumer.EventRecords;
import vn.chotdon.platform.consumer.EventSubscriptions;
import vn.chotdon.platform.consumer.Subscription;
import vn.chotdon.platform.parking.ParkedEvent;
import vn.chotdon.platform.parking.ParkedEventStatus;
import vn.chotdon.platform.parking.ParkedEvents;
import vn.chotdon.platform.problem.ProblemException;

/**
 * Runs a parked event through its consumer's handler now, as its consumer would: in one
 * transaction with the processed-event record (an event applied meanwhile is not applied again)
 * and with the mark that it was replayed. A failure leaves it parked, with the new error.
 */
@ApplicationScoped
public class ParkedEventReplay {

    private final ParkedEvents parked;
    private final EventSubscriptions subscriptions;
    private final EventRecords records;

    ParkedEventReplay(ParkedEvents parked, EventSubscriptions subscriptions, ObjectMapper json) {
        this.parked = parked;
        this.subscriptions = subscriptions;
        this.records = new EventRecords(json);
    }

    /** @param cooperativeScope the only cooperative whose events the caller may replay, or null for all */
    public ParkedEvent replay(long id, Long cooperativeScope) {
        ParkedEvent event = find(id, cooperativeScope);
        if (event.status == ParkedEventStatus.REPLAYED) {
            return event;
        }
        if (!(records.read(event.payload) instanceof EventRecords.Readable readable)) {
            throw ProblemException.conflict("parked-event-unreadable", "Parked event cannot be replayed",
                    "Parked event " + id + " is not a readable event (" + event.error
                            + "); no handler can apply it, it is kept for inspection");
        }
        Subscription subscription = subscriptions.byGroup(event.consumer).orElseThrow(() ->
                ProblemException.conflict("consumer-not-running", "Its consumer does not run here",
                        "Consumer " + event.consumer + " does not run in this service; replay it where it runs"));
        try {
            subscription.applyOnce(readable.event(), () -> parked.markReplayed(id));
        } catch (Exception e) {
            String error = describe(e);
            if (DatabaseOutage.isCauseOf(e)) {
                throw new ProblemException(503, "database-unavailable", "Database unavailable",
                        "The database cannot be reached; replay parked event " + id + " again later");
            }
            parked.replayFailed(id, error);
            throw ProblemException.conflict("parked-event-replay-failed", "Replay failed",
                    "The handler of " + event.consumer + " failed again on parked event " + id + "; it stays parked")
                    .with("error", error).with("attempts", event.attempts + 1);
        }
        return find(id, cooperativeScope);
    }

    public ParkedEvent find(long id, Long cooperativeScope) {
        return parked.find(id, cooperativeScope).orElseThrow(() -> ProblemException.notFound("Parked event", id));
    }

    private static String describe(Throwable e) {
        return e.getClass().getName() + ": " + e.getMessage();
    }
}
