--liquibase formatted sql

--changeset chotdon:order-001-sale-session
--comment: Read model of livestream-service's sessions, kept from its events.
CREATE TABLE sale_session (
    session_id       BIGINT       NOT NULL,
    cooperative_id   BIGINT       NOT NULL,
    title            VARCHAR(300) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    status           VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    hold_minutes     INT          NOT NULL,
    auto_confirm_cod BOOLEAN      NOT NULL,
    version          BIGINT       NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (session_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE sale_session;

--changeset chotdon:order-001-lineup-item
--comment: Read model of the lineup, plus "taken": units in orders not cancelled or expired, changed only by conditional UPDATEs.
CREATE TABLE lineup_item (
    item_id         BIGINT       NOT NULL,
    session_id      BIGINT       NOT NULL,
    code            VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    product_id      BIGINT       NOT NULL,
    product_name    VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    unit            VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    live_price_vnd  BIGINT       NOT NULL,
    quota           BIGINT       NOT NULL,
    per_buyer_limit INT          NULL,
    display_order   INT          NOT NULL,
    removed         BOOLEAN      NOT NULL,
    version         BIGINT       NOT NULL,
    taken           BIGINT       NOT NULL DEFAULT 0,
    updated_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (item_id),
    KEY ix_lineup_item_session_code (session_id, code),
    CONSTRAINT ck_lineup_item_taken CHECK (taken >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE lineup_item;
