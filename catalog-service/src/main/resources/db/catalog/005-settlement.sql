--liquibase formatted sql

--changeset chotdon:catalog-005-commission-rate
--comment: A cooperative's commission on its member households' sales, in basis points (1000 = 10 %). Append-only history: the row in force when money counted applies to that money.
CREATE TABLE commission_rate (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    cooperative_id BIGINT       NOT NULL,
    basis_points   INT          NOT NULL,
    effective_from DATETIME(6)  NOT NULL,
    set_by         VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (id),
    KEY ix_commission_rate_cooperative (cooperative_id, effective_from, id),
    CONSTRAINT fk_commission_rate_cooperative FOREIGN KEY (cooperative_id) REFERENCES cooperative (id),
    CONSTRAINT ck_commission_rate_basis_points CHECK (basis_points BETWEEN 0 AND 10000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE commission_rate;

--changeset chotdon:catalog-005-settlement-order
--comment: Whether an order's money counts for settlement now (paid or delivered, not cancelled or returned since), and how many times it started counting.
CREATE TABLE settlement_order (
    order_id       BIGINT      NOT NULL,
    session_id     BIGINT      NOT NULL,
    counted        BOOLEAN     NOT NULL DEFAULT FALSE,
    count_round    INT         NOT NULL DEFAULT 0,
    updated_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE settlement_order;

--changeset chotdon:catalog-005-settlement-payout
--comment: A member household paid out for a session or a date range: the amounts as the report showed them, who recorded it and when. Never changed.
CREATE TABLE settlement_payout (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    cooperative_id BIGINT       NOT NULL,
    member_id      BIGINT       NOT NULL,
    session_id     BIGINT       NULL,
    from_date      DATE         NULL,
    to_date        DATE         NULL,
    gross_vnd      BIGINT       NOT NULL,
    commission_vnd BIGINT       NOT NULL,
    fees_vnd       BIGINT       NOT NULL,
    net_vnd        BIGINT       NOT NULL,
    paid_by        VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    paid_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_settlement_payout_session (cooperative_id, session_id, member_id),
    KEY ix_settlement_payout_range (cooperative_id, from_date, to_date, member_id),
    CONSTRAINT fk_settlement_payout_cooperative FOREIGN KEY (cooperative_id) REFERENCES cooperative (id),
    CONSTRAINT fk_settlement_payout_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT ck_settlement_payout_scope CHECK ((session_id IS NULL) = (from_date IS NOT NULL AND to_date IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE settlement_payout;

--changeset chotdon:catalog-005-settlement-entry
--comment: Append-only: one row per order line when its money counted (positive) and when that was reversed (the same row negated), with the member household, the commission rate in force and the event's time. payout_id: the payout that settled it.
CREATE TABLE settlement_entry (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    cooperative_id BIGINT      NOT NULL,
    session_id     BIGINT      NOT NULL,
    order_id       BIGINT      NOT NULL,
    order_code     VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    count_round    INT         NOT NULL,
    kind           VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    order_status   VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    product_id     BIGINT      NOT NULL,
    member_id      BIGINT      NULL,
    quantity       BIGINT      NOT NULL,
    gross_vnd      BIGINT      NOT NULL,
    basis_points   INT         NOT NULL,
    counted_at     DATETIME(6) NOT NULL,
    payout_id      BIGINT      NULL,
    PRIMARY KEY (id),
    KEY ix_settlement_entry_session (cooperative_id, session_id, member_id),
    KEY ix_settlement_entry_time (cooperative_id, counted_at),
    KEY ix_settlement_entry_order (order_id, count_round),
    CONSTRAINT fk_settlement_entry_payout FOREIGN KEY (payout_id) REFERENCES settlement_payout (id),
    CONSTRAINT ck_settlement_entry_kind CHECK (kind IN ('COUNTED', 'REVERSED')),
    CONSTRAINT ck_settlement_entry_rate CHECK (basis_points BETWEEN 0 AND 10000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE settlement_entry;
