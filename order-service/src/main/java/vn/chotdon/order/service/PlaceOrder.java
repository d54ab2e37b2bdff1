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
        @NotNull @Schema(description = "The LIVE session the buyer watches", example = "5") Long sessionId,
        @NotEmpty @Size(max = 20) @Schema(description = "1 to 20 lines; lines naming the same item are added up")
        List<@NotNull @Valid Item> items,
        @NotBlank @Size(max = 200) @StoredText(max = 200) @Schema(example = "Nguyễn Văn An") String buyerName,
        @NotBlank @Size(max = PHONE_MAX) @StoredText(max = PHONE_MAX) @VietnamesePhoneNumber
        @Schema(description = "A Vietnamese mobile or fixed-line number in any usual form (0912 345 678,"
                + " +84 912.345.678, 84912345678, 0084…), spaces, dots, hyphens and brackets allowed; stored and"
                + " answered as +84…. The buyer's identity for per-buyer limits.", pattern = PHONE_PATTERN,
                example = "0912 345 678") String phone,
        @NotNull @Valid Address address,
        @NotNull @Schema(description = "COD: cash to the courier on delivery; BANK_TRANSFER: with the order code as"
                + " the memo (`CHOTDON <code>`); the answer's `order.transfer` then gives the cooperative's account and"
                + " the VietQR code to scan", example = "COD") PaymentMethod paymentMethod,
        @Size(max = 1000) @StoredText(max = 1000, multiline = true) @Schema(example = "Giao giờ hành chính") String note) {

    /** One line: a lineup item by its short code (or id) and how many units. */
    @Schema(name = "PlaceOrderItem", description = "Give exactly one of the short code and the lineup item id")
    public record Item(
            @Size(max = 16) @StoredText(max = 16) @Pattern(regexp = CODE, message = "must be a lineup code such as BG01")
            @Schema(description = "The short code shown on the stream, any case", pattern = "^" + CODE + "$",
                    example = "BG01") String code,
            @Schema(description = "The lineup item's id", example = "12") Long itemId,
            @NotNull @Min(1) @Max(MAX_UNITS_PER_LINE) @Schema(example = "2") Integer quantity) {
    }

    /** Since the 2025 reform: province (or centrally-run city), commune or ward, then street or hamlet. */
    @Schema(name = "DeliveryAddress", description = "Since the 2025 reform: province or centrally-run city, commune"
            + " or ward (no district any more), then street, hamlet and house")
    public record Address(
            @NotBlank @Size(max = 100) @StoredText(max = 100) @KnownProvince
            @Schema(description = "One of the 34 provinces and centrally-run cities in force since 1 July 2025, or a"
                    + " former province they absorbed (Bắc Giang is Bắc Ninh now); with or without diacritics and"
                    + " prefixes such as Tỉnh, Thành phố, TP. Answered with the current official name.",
                    example = "Hà Nội") String province,
            @NotBlank @Size(max = 200) @StoredText(max = 200)
            @Schema(description = "The commune or ward, as text", example = "Xã Đan Phượng") String commune,
            @NotBlank @Size(max = 500) @StoredText(max = 500, multiline = true)
            @Schema(description = "Street, hamlet, house number", example = "Thôn Thượng Thôn, số 12") String detail) {
    }

    public static final int MAX_UNITS_PER_LINE = 9999;
    public static final int PHONE_MAX = 40;
    public static final String CODE = "[A-Za-z0-9_-]+";
    /**
     * What {@code VietnamPhone.normalise} accepts once {@code @StoredText} has refused tabs and line
     * breaks: +84, 0084, 84 or 0, then a mobile (3, 5, 7, 8, 9 and 8 digits) or fixed-line (2 and 9
     * digits) number, with spaces, dots, hyphens and brackets anywhere.
     */
    public static final String PHONE_PATTERN = "^[ .()-]*(\\+[ .()-]*8[ .()-]*4|0[ .()-]*0[ .()-]*8[ .()-]*4|8[ .()-]*4|0)"
            + "[ .()-]*([35789]([ .()-]*[0-9]){8}|2([ .()-]*[0-9]){9})[ .()-]*$";
}
