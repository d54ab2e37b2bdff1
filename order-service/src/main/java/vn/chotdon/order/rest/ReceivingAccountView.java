package vn.chotdon.order.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.order.transfer.Bank;
import vn.chotdon.order.transfer.Banks;
import vn.chotdon.order.transfer.ReceivingAccount;

/** A receiving account as the cooperative's own people see it: the number whole. */
@Schema(name = "ReceivingAccount", description = "A bank account of the cooperative that buyers transfer to")
public record ReceivingAccountView(
        @Schema(required = true, example = "3") long id,
        @Schema(required = true, example = "1") long cooperativeId,
        @Schema(required = true, description = "The bank's NAPAS BIN", pattern = "^[0-9]{6}$", example = "970436")
        String bankBin,
        @Schema(required = true, example = "Vietcombank") String bankShortName,
        @Schema(required = true, example = "Ngân hàng TMCP Ngoại Thương Việt Nam") String bankName,
        @Schema(required = true, description = "Whole (buyers see it masked on their order, ****6789)",
                example = "1023456789") String accountNumber,
        @Schema(required = true, description = "Upper-case ASCII, as banks show it", example = "HTX NONG SAN DAN PHUONG")
        String accountName,
        @Schema(required = true, description = "False once deactivated: new orders no longer name it; orders that did"
                + " keep it") boolean active,
        @Schema(required = true, description = "The account new bank-transfer orders name; one per cooperative")
        boolean isDefault,
        @Schema(required = true, implementation = String.class, format = "date-time", example = "2025-11-28T09:00:00Z")
        Instant createdAt) {

    static ReceivingAccountView of(ReceivingAccount account) {
        Bank bank = Banks.byBin(account.bankBin).orElseThrow();
        return new ReceivingAccountView(account.id, account.cooperativeId, account.bankBin, bank.shortName(),
                bank.name(), account.accountNumber, account.accountName, account.active, account.isDefault(),
                account.createdAt);
    }
}
