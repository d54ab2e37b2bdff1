package vn.chotdon.livestream.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.livestream.SaleSession;

@Schema(name = "Session")
public record SessionView(
        @Schema(example = "5") long id,
        @Schema(example = "1") long cooperativeId,
        @Schema(example = "Chốt đơn bánh gio Đan Phượng tối thứ Sáu") String title,
        @Schema(example = "TIKTOK") String platform,
        @Schema(example = "https://www.tiktok.com/@htxdanphuong/live") String streamUrl,
        @Schema(example = "Chị Thanh Huệ") String hostName,
        @Schema(example = "2026-12-04T13:00:00Z") Instant scheduledStart,
        @Schema(example = "90") Integer expectedMinutes,
        @Schema(description = "The cooperative's own notes: null except for its owner and staff", nullable = true,
                example = "Giới thiệu mẻ bánh mới") String notes,
        @Schema(example = "30") int holdMinutes,
        @Schema(example = "false") boolean autoConfirmCod,
        @Schema(example = "LIVE") String status,
        @Schema(example = "2026-12-04T13:02:11.5Z") Instant startedAt,
        @Schema(example = "2026-12-04T14:40:00Z") Instant endedAt,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Grows with every change", example = "3") long version) {

    /** @param withNotes whether the caller works for the session's cooperative */
    static SessionView of(SaleSession s, boolean withNotes) {
        return new SessionView(s.id, s.cooperativeId, s.title, s.platform.name(), s.streamUrl, s.hostName,
                s.scheduledStart, s.expectedMinutes, withNotes ? s.notes : null, s.holdMinutes, s.autoConfirmCod, s.status.name(),
                s.startedAt, s.endedAt, s.createdAt, s.updatedAt, s.version);
    }
}
