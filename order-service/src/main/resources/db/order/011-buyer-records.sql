--liquibase formatted sql

--changeset chotdon:order-011-orders-cancelled-by-and-held
--comment: Who cancelled an order (BUYER with its access token, STAFF of its cooperative; NULL when not cancelled, or cancelled before this column existed), for the buyer's record; and whether it was placed held for staff review by the session's buyer policy (then it is never confirmed by itself).
ALTER TABLE orders
    ADD COLUMN cancelled_by VARCHAR(8) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER cancel_reason,
    ADD COLUMN held_for_review BOOLEAN NOT NULL DEFAULT FALSE AFTER cancelled_by;
--rollback ALTER TABLE orders DROP COLUMN cancelled_by, DROP COLUMN held_for_review;

--changeset chotdon:order-011-buyer-record
--comment: A buyer's record in one cooperative, per normalised phone (E.164): how many of their orders were placed, delivered, paid, cancelled by the buyer, expired unpaid and returned (refused at the door, "bom hàng"). Kept by the buyer-records consumer of order-service's own order events, never written by a request; a row with zeros is also inserted when staff flag a phone that has no order yet.
CREATE TABLE buyer_record (
    cooperative_id     BIGINT      NOT NULL,
    buyer_phone        VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    placed             BIGINT      NOT NULL DEFAULT 0,
    delivered          BIGINT      NOT NULL DEFAULT 0,
    paid               BIGINT      NOT NULL DEFAULT 0,
    cancelled_by_buyer BIGINT      NOT NULL DEFAULT 0,
    expired_unpaid     BIGINT      NOT NULL DEFAULT 0,
    returned           BIGINT      NOT NULL DEFAULT 0,
    updated_at         DATETIME(6) NOT NULL,
    PRIMARY KEY (cooperative_id, buyer_phone)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE buyer_record;

--changeset chotdon:order-011-buyer-record-paid-order
--comment: The orders already counted as paid in their buyer's record, so an order counts once: a cash-on-delivery order paid ahead by transfer is not counted again when it is delivered (delivery pays a COD order otherwise).
CREATE TABLE buyer_record_paid_order (
    order_id   BIGINT      NOT NULL,
    counted_at DATETIME(6) NOT NULL,
    PRIMARY KEY (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE buyer_record_paid_order;

--changeset chotdon:order-011-buyer-flag
--comment: The current flag staff put on a phone in their cooperative: their note, who (the token's subject) and when. Un-flagging deletes the row; buyer_flag_history keeps every flag and un-flag.
CREATE TABLE buyer_flag (
    cooperative_id BIGINT        NOT NULL,
    buyer_phone    VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    note           VARCHAR(500)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    flagged_by     VARCHAR(200)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    flagged_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (cooperative_id, buyer_phone)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE buyer_flag;

--changeset chotdon:order-011-buyer-flag-history
--comment: Every flag (FLAGGED, with its note) and un-flag (UNFLAGGED) of a phone in a cooperative, with who and when; append-only.
CREATE TABLE buyer_flag_history (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    cooperative_id BIGINT        NOT NULL,
    buyer_phone    VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    action         VARCHAR(10)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    note           VARCHAR(500)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    acted_by       VARCHAR(200)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    acted_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_buyer_flag_history_phone (cooperative_id, buyer_phone, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE buyer_flag_history;

--changeset chotdon:order-011-session-buyer-policy
--comment: What a session does with orders of flagged and of unreliable buyers (ACCEPT, REVIEW: placed but held for staff, PAY_FIRST: only by bank transfer) and how comment orders are paid (COD or BANK_TRANSFER), set by the session's cooperative; a session without a row accepts everyone and takes comment orders as COD.
CREATE TABLE session_buyer_policy (
    session_id             BIGINT       NOT NULL,
    cooperative_id         BIGINT       NOT NULL,
    flagged                VARCHAR(10)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    unreliable             VARCHAR(10)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    comment_payment_method VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    set_by                 VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    set_at                 DATETIME(6)  NOT NULL,
    PRIMARY KEY (session_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE session_buyer_policy;
