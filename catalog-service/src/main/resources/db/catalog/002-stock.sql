--liquibase formatted sql

--changeset chotdon:catalog-002-product-stock
--comment: Units available to reserve or sell, and units reserved for sale sessions. Changed only by conditional UPDATEs.
CREATE TABLE product_stock (
    product_id BIGINT      NOT NULL,
    available  BIGINT      NOT NULL DEFAULT 0,
    reserved   BIGINT      NOT NULL DEFAULT 0,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (product_id),
    CONSTRAINT fk_product_stock_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT ck_product_stock_available CHECK (available >= 0),
    CONSTRAINT ck_product_stock_reserved CHECK (reserved >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE product_stock;

--changeset chotdon:catalog-002-stock-ledger-entry
--comment: Append-only: every change of product_stock, with the stock it left. SUM(available_delta) = available.
CREATE TABLE stock_ledger_entry (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    product_id      BIGINT       NOT NULL,
    kind            VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    available_delta BIGINT       NOT NULL,
    reserved_delta  BIGINT       NOT NULL,
    session_id      BIGINT       NULL,
    reason          VARCHAR(500) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    available_after BIGINT       NOT NULL,
    reserved_after  BIGINT       NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_stock_ledger_product (product_id, id),
    CONSTRAINT fk_stock_ledger_product FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE stock_ledger_entry;

--changeset chotdon:catalog-002-session-reservation
--comment: Units of a product reserved for one sale session of livestream-service.
CREATE TABLE session_reservation (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    product_id BIGINT      NOT NULL,
    session_id BIGINT      NOT NULL,
    quantity   BIGINT      NOT NULL DEFAULT 0,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_session_reservation (product_id, session_id),
    KEY ix_session_reservation_session (session_id),
    CONSTRAINT fk_session_reservation_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT ck_session_reservation_quantity CHECK (quantity >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE session_reservation;
