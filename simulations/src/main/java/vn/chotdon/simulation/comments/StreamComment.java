package vn.chotdon.simulation.comments;

import java.util.Map;

/**
 * One live comment as a platform shows it, with what a careful reader takes from it.
 *
 * @param index             its place in the stream, from 0
 * @param platformCommentId the platform's id, unique in the stream
 * @param lines             the items and quantities it orders (code to quantity, as written), empty when none is certain
 * @param phone             the buyer's phone as ten local digits (0…), or null when the comment has no valid one
 */
public record StreamComment(int index, String platformCommentId, String commenterName, String commenterId, String text,
        CommentKind kind, Map<String, Integer> lines, String phone) {
}
