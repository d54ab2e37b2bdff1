package vn.chotdon.order.transfer;

/**
 * What a VietQR code needs of a receiving account: kept in memory, since bank, number and name of
 * a recorded account never change.
 */
public record PayeeAccount(long id, String bankBin, String accountNumber, String accountName) {

    /** The number as public answers show it: {@code ****6789}. */
    public String maskedNumber() {
        return "****" + (accountNumber.length() > 4 ? accountNumber.substring(accountNumber.length() - 4) : "");
    }

    public Bank bank() {
        return Banks.byBin(bankBin).orElseThrow(() -> new IllegalStateException("BIN " + bankBin
                + " of receiving account " + id + " is not in " + Banks.RESOURCE));
    }
}
