package vn.chotdon.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import vn.chotdon.order.Order;
import vn.chotdon.order.PaymentMethod;
import vn.chotdon.order.transfer.Bank;
import vn.chotdon.order.transfer.PayeeAccount;
import vn.chotdon.order.transfer.QrImage;
import vn.chotdon.order.transfer.TransferPurpose;
import vn.chotdon.order.transfer.VietQr;
import vn.chotdon.order.view.OrderView;
import vn.chotdon.platform.problem.ProblemException;

/**
 * How a bank-transfer order is paid: the account its VietQR code names (the cooperative's default
 * when the order was placed), the amount, the purpose {@code CHOTDON <code>}, and the code itself.
 * Built from the order's row and the in-memory copy of its account: no query of its own.
 */
@ApplicationScoped
public class OrderTransfers {

    private final ReceivingAccounts accounts;

    OrderTransfers(ReceivingAccounts accounts) {
        this.accounts = accounts;
    }

    /** Who sees the account number whole: the cooperative's owner and staff; the buyer sees it masked. */
    public enum Audience {
        BUYER,
        COOPERATIVE
    }

    /** The order's transfer details, or null for cash on delivery or when no account was named. */
    public OrderView.Transfer of(Order order, Audience audience) {
        return payee(order).map(payee -> describe(order, payee, audience)).orElse(null);
    }

    /** The order's VietQR code as a PNG; 409 when the order has none. */
    public byte[] qrPng(Order order) {
        PayeeAccount payee = payee(order).orElseThrow(() -> ProblemException.conflict("no-transfer-details",
                "No transfer details", order.paymentMethod == PaymentMethod.BANK_TRANSFER
                        ? "Order " + order.code + " has no receiving account to transfer to: its cooperative had"
                                + " recorded none when it was placed"
                        : "Order " + order.code + " is paid cash on delivery; it has no VietQR code")
                .with("paymentMethod", order.paymentMethod.name()));
        return QrImage.png(code(order, payee).payload());
    }

    /** For placement, which already holds the account's copy: no lookup at all. */
    static OrderView.Transfer describe(Order order, PayeeAccount payee, Audience audience) {
        Bank bank = payee.bank();
        VietQr code = code(order, payee);
        return new OrderView.Transfer(bank.bin(), bank.shortName(), bank.name(),
                audience == Audience.COOPERATIVE ? payee.accountNumber() : payee.maskedNumber(), payee.accountName(),
                order.totalVnd, code.purpose(), code.payload());
    }

    /** Whether placement names an account for this order at all. */
    static boolean needsAccount(PaymentMethod method, long totalVnd) {
        return method == PaymentMethod.BANK_TRANSFER && totalVnd > 0;
    }

    private Optional<PayeeAccount> payee(Order order) {
        if (!needsAccount(order.paymentMethod, order.totalVnd) || order.receivingAccountId == null) {
            return Optional.empty();
        }
        return Optional.of(accounts.payee(order.receivingAccountId));
    }

    private static VietQr code(Order order, PayeeAccount payee) {
        return VietQr.transfer(payee.bankBin(), payee.accountNumber(), order.totalVnd, TransferPurpose.of(order.code));
    }
}
