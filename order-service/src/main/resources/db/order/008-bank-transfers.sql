--liquibase formatted sql

--changeset chotdon:order-008-payment-webhook-key
--comment: A cooperative's key for its bank-notification webhook (SePay: Authorization: Apikey <key>); only its SHA-256 is kept, the key itself is shown once.
CREATE TABLE payment_webhook_key (
    cooperative_id BIGINT       NOT NULL,
    key_hash       CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_by     VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (cooperative_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE payment_webhook_key;

--changeset chotdon:order-008-bank-payment
--comment: Every bank-transfer notification, stored once per (cooperative, provider, provider's transaction id) however often it is delivered. outcome: MATCHED (it paid order_id), REVIEW (unmatched, review_state says where staff are with it), OUTGOING (money out, kept for the record, never matched). session_id is the session of the order the memo names, when it names exactly one, so the tally can count unmatched money per session.
CREATE TABLE bank_payment (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    cooperative_id   BIGINT        NOT NULL,
    provider         VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    provider_txn_id  VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    direction        VARCHAR(3)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    amount_vnd       BIGINT        NOT NULL,
    memo             VARCHAR(1000) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    account_number   VARCHAR(40)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    bank             VARCHAR(100)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    reference_code   VARCHAR(100)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    transferred_at   DATETIME(6)   NULL,
    received_at      DATETIME(6)   NOT NULL,
    outcome          VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    order_id         BIGINT        NULL,
    session_id       BIGINT        NULL,
    paid_order       BOOLEAN       NOT NULL DEFAULT FALSE,
    review_reason    VARCHAR(32)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    review_state     VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    resolved_by      VARCHAR(200)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    resolved_at      DATETIME(6)   NULL,
    resolution_note  VARCHAR(500)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_bank_payment_txn (cooperative_id, provider, provider_txn_id),
    KEY ix_bank_payment_review (cooperative_id, review_state, id),
    KEY ix_bank_payment_session (session_id, review_state),
    KEY ix_bank_payment_order (order_id),
    CONSTRAINT ck_bank_payment_amount CHECK (amount_vnd >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE bank_payment;
