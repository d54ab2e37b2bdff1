--liquibase formatted sql

--changeset chotdon:order-010-waitlist-entry
--comment: Buyers waiting for a sold-out lineup item, in line by id (the order of joining). state: WAITING (in line), PROMOTED (offered units_offered units as the order order_id, held chotdon.waitlist.hold-minutes; no longer in line), SKIPPED (its turn came but a per-buyer limit or the held-units cap refused it: skip_reason), LEFT (the buyer left the line), CLOSED (the session ended or the item left the lineup while it waited). source: API (POST /sessions/{id}/waitlist) or COMMENT (a live comment refused as sold out; comment_id). waiting_phone is the phone only while WAITING, so the unique key allows one WAITING entry per item and phone and any number of decided ones (MySQL has no partial unique index). access_token_hash: SHA-256 of the buyer's token, shown once at joining; it also opens the promoted order.
CREATE TABLE waitlist_entry (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    session_id        BIGINT       NOT NULL,
    cooperative_id    BIGINT       NOT NULL,
    item_id           BIGINT       NOT NULL,
    buyer_name        VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    buyer_phone       VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    province          VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    commune           VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    address_detail    VARCHAR(500) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    payment_method    VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    quantity          BIGINT       NOT NULL,
    source            VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    comment_id        BIGINT       NULL,
    access_token_hash CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    state             VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    waiting_phone     VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin
                      GENERATED ALWAYS AS (IF(state = 'WAITING', buyer_phone, NULL)) STORED,
    units_offered     BIGINT       NULL,
    order_id          BIGINT       NULL,
    skip_reason       VARCHAR(500) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    joined_at         DATETIME(6)  NOT NULL,
    decided_at        DATETIME(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_waitlist_entry_waiting (item_id, waiting_phone),
    KEY ix_waitlist_entry_line (item_id, state, id),
    KEY ix_waitlist_entry_session (session_id, state, id),
    CONSTRAINT fk_waitlist_entry_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT fk_waitlist_entry_comment FOREIGN KEY (comment_id) REFERENCES live_comment (id),
    CONSTRAINT ck_waitlist_entry_quantity CHECK (quantity > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE waitlist_entry;

--changeset chotdon:order-010-live-comment-waitlisted
--comment: A live comment refused as sold out whose buyer's address is known joins the item's waitlist instead of the review queue: live_comment.state WAITLISTED (its waitlist_entry names it by comment_id). The column's comment lists the states.
ALTER TABLE live_comment MODIFY state VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
    COMMENT 'RECEIVED, ORDERED, WAITING, ACCEPTED, REJECTED, IGNORED, WAITLISTED (joined the item''s waitlist: waitlist_entry.comment_id)';
--rollback ALTER TABLE live_comment MODIFY state VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
