--liquibase formatted sql

--changeset chotdon:order-007-receiving-account
--comment: A cooperative's bank accounts that buyers transfer to. default_for holds the cooperative's id on its one default account and NULL on the others, so the unique key allows one default per cooperative (NULLs never collide). Accounts are deactivated, never deleted: orders keep pointing at the account their VietQR code named.
CREATE TABLE receiving_account (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    cooperative_id BIGINT       NOT NULL,
    bank_bin       CHAR(6)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    account_number VARCHAR(19)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    account_name   VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    default_for    BIGINT       NULL,
    created_at     DATETIME(6)  NOT NULL,
    created_by     VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_receiving_account_number (cooperative_id, bank_bin, account_number),
    UNIQUE KEY uk_receiving_account_default (default_for),
    CONSTRAINT ck_receiving_account_default CHECK (default_for IS NULL OR (default_for = cooperative_id AND active))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE receiving_account;

--changeset chotdon:order-007-orders-transfer-and-return
--comment: The account a bank-transfer order's VietQR code names (set at placement from the cooperative's default, NULL when it had none or for cash on delivery), and RETURNED: refused at the door or sent back, with its time and reason.
ALTER TABLE orders
    ADD COLUMN receiving_account_id BIGINT NULL AFTER payment_method,
    ADD COLUMN returned_at DATETIME(6) NULL AFTER expired_at,
    ADD COLUMN return_reason VARCHAR(500) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL AFTER cancel_reason;
--rollback ALTER TABLE orders DROP COLUMN receiving_account_id, DROP COLUMN returned_at, DROP COLUMN return_reason;
