package vn.chotdon.order.comment.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import vn.chotdon.order.comment.CommentState;
import vn.chotdon.order.comment.LiveComment;
import vn.chotdon.order.config.CommentSettings;
import vn.chotdon.order.readmodel.LiveLineups;
import vn.chotdon.platform.tx.RetryOnDeadlock;

/**
 * Decides again the comments a request stored but never decided (the instance stopped between the
 * two): without this a buyer's clear order would sit RECEIVED, in no queue staff read. Safe on any
 * number of instances and beside a request still deciding its comment: the comment's order has its
 * comment's Idempotency-Key, a phone waits once per item, and a decision is recorded only over
 * RECEIVED.
 */
@ApplicationScoped
public class CommentSweep {

    private static final Logger LOG = Logger.getLogger(CommentSweep.class);
    private static final int BATCH = 100;

    private final CommentIntake intake;
    private final LiveLineups lineups;
    private final CommentSettings settings;

    CommentSweep(CommentIntake intake, LiveLineups lineups, CommentSettings settings) {
        this.intake = intake;
        this.lineups = lineups;
        this.settings = settings;
    }

    @Scheduled(identity = "order-comment-sweep", every = "${chotdon.comments.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        resumeStale();
    }

    /** @return how many comments this call decided */
    public int resumeStale() {
        Instant storedBefore = Instant.now().minus(settings.resumeAfter());
        List<LiveComment> stale = RetryOnDeadlock.inNewTransaction(() -> LiveComment.<LiveComment> find(
                "state = ?1 and receivedAt < ?2 order by id", CommentState.RECEIVED, storedBefore).page(0, BATCH).list());
        int decided = 0;
        for (LiveComment comment : stale) {
            Optional<LiveLineups.Lineup> lineup = lineups.of(comment.sessionId);
            if (lineup.isEmpty()) {
                LOG.warnf("Comment %d of session %d stays RECEIVED: the session is not known here", comment.id,
                        comment.sessionId);
                continue;
            }
            CommentOutcome outcome = intake.resume(lineup.get(), CommentIntake.parserFor(lineup.get()), comment.id,
                    new IncomingComment(comment.platform, comment.platformCommentId, comment.commenterName,
                            comment.commenterId, comment.text, comment.commentedAt));
            LOG.infof("Comment %d of session %d, left undecided, decided again: %s", comment.id, comment.sessionId,
                    outcome.outcome());
            decided++;
        }
        return decided;
    }
}
