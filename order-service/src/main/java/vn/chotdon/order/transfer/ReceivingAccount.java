package vn.chotdon.order.transfer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A cooperative's bank account that buyers transfer to. Bank, number and name never change (a new
 * account is recorded instead), so an order's VietQR code stays what it was; an account is
 * deactivated, never deleted.
 */
@Entity
@Table(name = "receiving_account")
public class ReceivingAccount extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "cooperative_id", nullable = false, updatable = false)
    public Long cooperativeId;

    /** The bank's NAPAS BIN, one of {@link Banks}. */
    @Column(name = "bank_bin", nullable = false, updatable = false)
    public String bankBin;

    @Column(name = "account_number", nullable = false, updatable = false)
    public String accountNumber;

    /** Upper-case ASCII, as banks show the holder's name. */
    @Column(name = "account_name", nullable = false, updatable = false)
    public String accountName;

    @Column(nullable = false)
    public boolean active;

    /** The cooperative's id on its one default account, null on the others (a unique key holds the rule). */
    @Column(name = "default_for")
    public Long defaultFor;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** The token's subject that recorded it; never a phone or a name. */
    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isDefault() {
        return defaultFor != null;
    }

    public PayeeAccount payee() {
        return new PayeeAccount(id, bankBin, accountNumber, accountName);
    }
}
