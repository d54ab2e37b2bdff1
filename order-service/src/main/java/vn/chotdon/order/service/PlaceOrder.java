package vn.chotdon.order.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.order.PaymentMethod;
import vn.chotdon.order.address.KnownProvince;
import vn.chotdon.platform.validation.VietnamesePhoneNumber;
import vn.chotdon.platform.validation.StoredText;

/** An order as the buyer's front end sends it. Prices are never taken from the client. */
@Schema(name = "PlaceOrder")
public record PlaceOrder(
        @NotNull @Schema(example = "5") Long sessionId,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid Item> items,
        @NotBlank @Size(max = 200) @StoredText(max = 200) @Schema(example = "Nguyễn Văn An") String buyerName,
        @NotBlank @VietnamesePhoneNumber @Schema(example = "0912 345 678") String phone,
        @NotNull @Valid Address address,
        @NotNull @Schema(example = "COD") PaymentMethod paymentMethod,
        @Size(max = 1000) @StoredText(max = 1000, multiline = true) @Schema(example = "Giao giờ hành chính") String note) {

    /** One line: a lineup item by its short code (or id) and how many units. */
    @Schema(name = "PlaceOrderItem", description = "Give the short code or the lineup item id")
    public record Item(
            @Size(max = 16) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be a lineup code such as BG01")
            @Schema(example = "BG01") String code,
            @Schema(example = "12") Long itemId,
            @NotNull @Min(1) @Max(MAX_UNITS_PER_LINE) @Schema(example = "2") Integer quantity) {
    }

    /** Since the 2025 reform: province (or centrally-run city), commune or ward, then street or hamlet. */
    @Schema(name = "DeliveryAddress")
    public record Address(
            @NotBlank @Size(max = 100) @KnownProvince @Schema(example = "Hà Nội") String province,
            @NotBlank @Size(max = 200) @StoredText(max = 200) @Schema(example = "Xã Đan Phượng") String commune,
            @NotBlank @Size(max = 500) @StoredText(max = 500, multiline = true) @Schema(example = "Thôn Thượng Thôn, số 12") String detail) {
    }

    public static final int MAX_UNITS_PER_LINE = 9999;
}
