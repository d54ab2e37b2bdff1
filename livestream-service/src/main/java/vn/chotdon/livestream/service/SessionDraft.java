package vn.chotdon.livestream.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.livestream.StreamPlatform;
import vn.chotdon.platform.validation.StoredText;

/** A session to plan: who sells, where, when, and the cooperative's order-hold settings. */
@Schema(name = "SessionDraft")
public record SessionDraft(
        @NotNull @Min(1) @Schema(example = "1") Long cooperativeId,
        @NotBlank @Size(max = 200) @StoredText(max = 200) @Schema(example = "Chốt đơn bánh gio Đan Phượng tối thứ Sáu") String title,
        @NotNull @Schema(example = "TIKTOK") StreamPlatform platform,
        @Size(max = 500) @Pattern(regexp = SessionDetails.URL, message = "must be an http(s) URL")
        @Schema(example = "https://www.tiktok.com/@htxdanphuong/live") String streamUrl,
        @Size(max = 200) @StoredText(max = 200) @Schema(example = "Chị Thanh Huệ") String hostName,
        @NotNull @Schema(description = "ISO-8601 with offset", example = "2026-12-04T20:00:00+07:00")
        OffsetDateTime scheduledStart,
        @Min(1) @Max(1440) @Schema(description = "Expected length in minutes", example = "90") Integer expectedMinutes,
        @Size(max = 2000) @StoredText(max = 2000, multiline = true) @Schema(example = "Giới thiệu mẻ bánh mới, freeship nội thành Hà Nội") String notes,
        @Min(1) @Max(1440) @Schema(description = "Minutes an order's units stay held without confirmation or payment; default 30",
                example = "30") Integer holdMinutes,
        @Schema(description = "Confirm cash-on-delivery orders as soon as they are placed; default false", example = "false")
        Boolean autoConfirmCod) {

    public SessionDetails details() {
        return new SessionDetails(title, platform, streamUrl, hostName, scheduledStart, expectedMinutes, notes,
                holdMinutes, autoConfirmCod);
    }
}
