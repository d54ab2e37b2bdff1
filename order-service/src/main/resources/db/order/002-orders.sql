--liquibase formatted sql

--changeset chotdon:order-002-orders
CREATE TABLE orders (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    code              CHAR(8)       CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    session_id        BIGINT        NOT NULL,
    cooperative_id    BIGINT        NOT NULL,
    status            VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    payment_method    VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    buyer_name        VARCHAR(200)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    buyer_phone       VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    province          VARCHAR(100)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    commune           VARCHAR(200)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    address_detail    VARCHAR(500)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    note              VARCHAR(1000) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    total_vnd         BIGINT        NOT NULL,
    access_token_hash CHAR(64)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    idempotency_key   VARCHAR(100)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    placed_at         DATETIME(6)   NOT NULL,
    hold_expires_at   DATETIME(6)   NOT NULL,
    confirmed_at      DATETIME(6)   NULL,
    paid_at           DATETIME(6)   NULL,
    shipped_at        DATETIME(6)   NULL,
    delivered_at      DATETIME(6)   NULL,
    cancelled_at      DATETIME(6)   NULL,
    expired_at        DATETIME(6)   NULL,
    cancel_reason     VARCHAR(500)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    updated_at        DATETIME(6)   NOT NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_orders_code (code),
    KEY ix_orders_session_status (session_id, status),
    KEY ix_orders_phone (buyer_phone),
    KEY ix_orders_hold (status, hold_expires_at),
    CONSTRAINT ck_orders_total CHECK (total_vnd >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE orders;

--changeset chotdon:order-002-order-line
--comment: status and paid mirror the order's, so the tally is one index-only GROUP BY.
CREATE TABLE order_line (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    order_id       BIGINT       NOT NULL,
    session_id     BIGINT       NOT NULL,
    item_id        BIGINT       NOT NULL,
    code           VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    product_id     BIGINT       NOT NULL,
    product_name   VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    quantity       BIGINT       NOT NULL,
    unit_price_vnd BIGINT       NOT NULL,
    line_total_vnd BIGINT       NOT NULL,
    status         VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    paid           BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    KEY ix_order_line_order (order_id),
    KEY ix_order_line_tally (session_id, item_id, status, paid, quantity, line_total_vnd),
    CONSTRAINT fk_order_line_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT ck_order_line_quantity CHECK (quantity > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE order_line;

--changeset chotdon:order-002-buyer-item-units
--comment: Units of an item held or bought by one buyer (normalised phone), for per-buyer limits.
CREATE TABLE buyer_item_units (
    item_id     BIGINT      NOT NULL,
    buyer_phone VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    units       BIGINT      NOT NULL,
    PRIMARY KEY (item_id, buyer_phone),
    CONSTRAINT ck_buyer_item_units CHECK (units >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE buyer_item_units;

--changeset chotdon:order-002-idempotency-key
CREATE TABLE idempotency_key (
    idem_key        VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    request_hash    CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    state           VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    response_status INT          NULL,
    response_body   MEDIUMTEXT   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (idem_key),
    KEY ix_idempotency_key_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE idempotency_key;
