--liquibase formatted sql

--changeset chotdon:livestream-003-ticker
--comment: The overlay's ticker and the host page's pace: one row per line of every placed order, with the buyer as order-service masked them ("Chị H***") and the order's code (shown to the cooperative only). No phone, name, address or money.
CREATE TABLE ticker_entry (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    session_id     BIGINT      NOT NULL,
    item_id        BIGINT      NOT NULL,
    order_id       BIGINT      NOT NULL,
    order_code     VARCHAR(32) NULL,
    buyer_shown_as VARCHAR(64) NULL,
    quantity       BIGINT      NOT NULL,
    placed_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_ticker_entry_session (session_id, id),
    KEY ix_ticker_entry_placed (session_id, placed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE ticker_entry;
