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
        @NotNull @Min(1) @Schema(description = "The caller's own cooperative", example = "1") Long cooperativeId,
        @NotBlank @Size(max = 200) @StoredText(max = 200) @Schema(example = "Chốt đơn bánh gio Đan Phượng tối thứ Sáu") String title,
        @NotNull @Schema(example = "TIKTOK") StreamPlatform platform,
        @Size(max = 500) @StoredText(max = 500) @Pattern(regexp = SessionDetails.URL, message = "must be an http(s) URL")
        @Schema(nullable = true, example = "https://www.tiktok.com/@htxdanphuong/live") String streamUrl,
        @Size(max = 200) @StoredText(max = 200) @Schema(nullable = true, example = "Chị Thanh Huệ") String hostName,
        @NotNull @Schema(description = "ISO-8601 with offset, in the years 2000 to 9999", example = "2026-12-04T20:00:00+07:00")
        OffsetDateTime scheduledStart,
        @Min(1) @Max(1440) @Schema(nullable = true, description = "Expected length in minutes", example = "90")
        Integer expectedMinutes,
        @Size(max = 2000) @StoredText(max = 2000, multiline = true)
        @Schema(nullable = true, description = "Seen only by the cooperative's owner and staff; line breaks allowed",
                example = "Giới thiệu mẻ bánh mới, freeship nội thành Hà Nội") String notes,
        @Min(1) @Max(1440) @Schema(nullable = true, description = "Minutes an order's units stay held without"
                + " confirmation or payment; absent or null: 30", example = "30") Integer holdMinutes,
        @Schema(nullable = true, description = "Confirm cash-on-delivery orders as soon as they are placed; absent or"
                + " null: false", example = "false") Boolean autoConfirmCod) {

    public SessionDetails details() {
        return new SessionDetails(title, platform, streamUrl, hostName, scheduledStart, expectedMinutes, notes,
                holdMinutes, autoConfirmCod);
    }
}
