--liquibase formatted sql

--changeset chotdon:livestream-001-sale-session
--comment: A cooperative's live sale on a streaming platform. Lineup changes lock this row first, so they serialise with status changes.
CREATE TABLE sale_session (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    cooperative_id   BIGINT       NOT NULL,
    title            VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    platform         VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    stream_url       VARCHAR(500) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    host_name        VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    scheduled_start  DATETIME(6)  NOT NULL,
    expected_minutes INT          NULL,
    notes            TEXT         CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    hold_minutes     INT          NOT NULL DEFAULT 30,
    auto_confirm_cod BOOLEAN      NOT NULL DEFAULT FALSE,
    status           VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    started_at       DATETIME(6)  NULL,
    ended_at         DATETIME(6)  NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_sale_session_cooperative (cooperative_id, status, scheduled_start),
    KEY ix_sale_session_status (status, scheduled_start),
    CONSTRAINT ck_sale_session_hold CHECK (hold_minutes BETWEEN 5 AND 1440),
    CONSTRAINT ck_sale_session_expected CHECK (expected_minutes IS NULL OR expected_minutes BETWEEN 1 AND 1440)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE sale_session;

--changeset chotdon:livestream-001-lineup-item
--comment: Items offered in a session. Codes are stored upper case, so the unique key makes them unique case-insensitively; one item per product, since catalog-service reserves per (product, session).
CREATE TABLE lineup_item (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    session_id      BIGINT       NOT NULL,
    code            VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    product_id      BIGINT       NOT NULL,
    product_name    VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    unit            VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    unit_label      VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    live_price_vnd  BIGINT       NOT NULL,
    quota           BIGINT       NOT NULL,
    per_buyer_limit INT          NULL,
    display_order   INT          NOT NULL,
    pinned          BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_lineup_item_code (session_id, code),
    UNIQUE KEY uk_lineup_item_product (session_id, product_id),
    KEY ix_lineup_item_order (session_id, display_order, id),
    CONSTRAINT fk_lineup_item_session FOREIGN KEY (session_id) REFERENCES sale_session (id),
    CONSTRAINT ck_lineup_item_code CHECK (code = UPPER(code)),
    CONSTRAINT ck_lineup_item_price CHECK (live_price_vnd >= 0),
    CONSTRAINT ck_lineup_item_quota CHECK (quota >= 1),
    CONSTRAINT ck_lineup_item_limit CHECK (per_buyer_limit IS NULL OR per_buyer_limit >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE lineup_item;

--changeset chotdon:livestream-001-board-item
--comment: Live board counters of one lineup item, moved only by atomic UPDATE x = x + ? in the order-event consumer's transaction.
CREATE TABLE board_item (
    item_id               BIGINT      NOT NULL,
    session_id            BIGINT      NOT NULL,
    ordered               BIGINT      NOT NULL DEFAULT 0,
    held                  BIGINT      NOT NULL DEFAULT 0,
    confirmed             BIGINT      NOT NULL DEFAULT 0,
    cancelled             BIGINT      NOT NULL DEFAULT 0,
    confirmed_revenue_vnd BIGINT      NOT NULL DEFAULT 0,
    updated_at            DATETIME(6) NOT NULL,
    PRIMARY KEY (item_id),
    KEY ix_board_item_session (session_id),
    CONSTRAINT fk_board_item_item FOREIGN KEY (item_id) REFERENCES lineup_item (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE board_item;
