package vn.chotdon.livestream.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.livestream.SaleSession;
import vn.chotdon.livestream.SessionStatus;
import vn.chotdon.livestream.StreamPlatform;

@Schema(name = "Session", description = "A live sale session of one cooperative")
public record SessionView(
        @Schema(required = true, example = "5") long id,
        @Schema(required = true, example = "1") long cooperativeId,
        @Schema(required = true, example = "Chốt đơn bánh gio Đan Phượng tối thứ Sáu") String title,
        @Schema(required = true, implementation = StreamPlatform.class, example = "TIKTOK") String platform,
        @Schema(required = true, nullable = true, description = "null when none was given",
                example = "https://www.tiktok.com/@htxdanphuong/live") String streamUrl,
        @Schema(required = true, nullable = true, description = "null when none was given", example = "Chị Thanh Huệ")
        String hostName,
        @Schema(required = true, example = "2026-12-04T13:00:00Z") Instant scheduledStart,
        @Schema(required = true, nullable = true, description = "Expected length in minutes; null when none was given",
                example = "90") Integer expectedMinutes,
        @Schema(required = true, nullable = true, description = "The cooperative's own notes: null except for its owner"
                + " and staff, and when there are none", example = "Giới thiệu mẻ bánh mới") String notes,
        @Schema(required = true, description = "Minutes an order's units stay held without confirmation or payment",
                example = "30") int holdMinutes,
        @Schema(required = true, description = "Cash-on-delivery orders are confirmed as soon as they are placed",
                example = "false") boolean autoConfirmCod,
        @Schema(required = true, implementation = SessionStatus.class, example = "LIVE") String status,
        @Schema(required = true, nullable = true, implementation = String.class, type = SchemaType.STRING,
                format = "date-time", description = "When it went LIVE; null before", example = "2026-12-04T13:02:11.5Z")
        Instant startedAt,
        @Schema(required = true, nullable = true, implementation = String.class, type = SchemaType.STRING,
                format = "date-time", description = "When it ENDED; null before, and for a cancelled session",
                example = "2026-12-04T14:40:00Z") Instant endedAt,
        @Schema(required = true, example = "2026-12-01T02:15:00Z") Instant createdAt,
        @Schema(required = true, example = "2026-12-04T13:02:11.5Z") Instant updatedAt,
        @Schema(required = true, description = "Grows with every change", example = "3") long version) {

    /** @param withNotes whether the caller works for the session's cooperative */
    static SessionView of(SaleSession s, boolean withNotes) {
        return new SessionView(s.id, s.cooperativeId, s.title, s.platform.name(), s.streamUrl, s.hostName,
                s.scheduledStart, s.expectedMinutes, withNotes ? s.notes : null, s.holdMinutes, s.autoConfirmCod, s.status.name(),
                s.startedAt, s.endedAt, s.createdAt, s.updatedAt, s.version);
    }
}
