package vn.chotdon.order.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.platform.validation.StoredText;

/** A bank account to record for the cooperative. */
@Schema(name = "NewReceivingAccount")
public record NewReceivingAccount(
        @NotNull @Pattern(regexp = BIN, message = "must be a bank's 6-digit NAPAS BIN")
        @Schema(required = true, description = "The bank's NAPAS BIN, from the list of Vietnamese banks the service"
                + " keeps (order-service's vn-banks-napas.csv): 970436 Vietcombank, 970405 Agribank, 970415"
                + " VietinBank, 970418 BIDV, 970422 MBBank...", pattern = "^" + BIN + "$", example = "970436")
        String bankBin,
        @NotNull @Pattern(regexp = ACCOUNT, message = "must be 1 to 19 letters or digits, without spaces")
        @Schema(required = true, description = "The account number as the bank gives it", pattern = "^" + ACCOUNT + "$",
                example = "1023456789") String accountNumber,
        @NotBlank @Size(max = 100) @StoredText(max = 100)
        @Schema(required = true, description = "The account holder's name; kept upper-case without diacritics, as"
                + " banks show it (\"HTX Nông sản Đan Phượng\" is kept as \"HTX NONG SAN DAN PHUONG\")",
                maxLength = 100, example = "HTX Nông sản Đan Phượng") String accountName,
        @Schema(description = "Make it the account new bank-transfer orders name. The cooperative's first account is"
                + " the default anyway", defaultValue = "false") Boolean makeDefault) {

    static final String BIN = "[0-9]{6}";
    static final String ACCOUNT = "[0-9A-Za-z]{1,19}";
}
