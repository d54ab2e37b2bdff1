package vn.chotdon.events.livestream;

import java.time.Instant;

/**
 * The full state of a sale session after a change.
 *
 * @param platform       TIKTOK, FACEBOOK, ZALO, YOUTUBE, SHOPEE or OTHER
 * @param status         SCHEDULED, LIVE, ENDED or CANCELLED
 * @param holdMinutes    how long an order's units stay held without confirmation or payment
 * @param autoConfirmCod whether cash-on-delivery orders are confirmed as soon as they are placed
 */
public record SessionData(
        long sessionId,
        long cooperativeId,
        String title,
        String platform,
        String status,
        Instant scheduledStart,
        Instant startedAt,
        Instant endedAt,
        int holdMinutes,
        boolean autoConfirmCod,
        long version) {
}
