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

/** The changeable details of a session (everything but its cooperative and status). */
@Schema(name = "SessionDetails")
public record SessionDetails(
        @NotBlank @Size(max = 200) @StoredText(max = 200) @Schema(example = "Chốt đơn bánh gio Đan Phượng tối thứ Sáu") String title,
        @NotNull @Schema(example = "FACEBOOK") StreamPlatform platform,
        @Size(max = 500) @StoredText(max = 500) @Pattern(regexp = URL, message = "must be an http(s) URL")
        @Schema(nullable = true, description = "Absent or null removes it",
                example = "https://www.facebook.com/htxdanphuong/live") String streamUrl,
        @Size(max = 200) @StoredText(max = 200)
        @Schema(nullable = true, description = "Absent or null removes it", example = "Anh Minh (tổ công nghệ số cộng đồng)")
        String hostName,
        @NotNull @Schema(description = "ISO-8601 with offset, in the years 2000 to 9999", example = "2026-12-04T20:30:00+07:00")
        OffsetDateTime scheduledStart,
        @Min(1) @Max(1440) @Schema(nullable = true, description = "Expected length in minutes; absent or null removes it",
                example = "120") Integer expectedMinutes,
        @Size(max = 2000) @StoredText(max = 2000, multiline = true)
        @Schema(nullable = true, description = "Seen only by the cooperative's owner and staff; absent or null removes them",
                example = "Dời 30 phút vì mất điện") String notes,
        @Min(1) @Max(1440) @Schema(nullable = true, description = "Absent or null: 30", example = "45") Integer holdMinutes,
        @Schema(nullable = true, description = "Absent or null: false", example = "true") Boolean autoConfirmCod) {

    static final String URL = "^https?://[^\\s]+$";
}
