--liquibase formatted sql

--changeset chotdon:order-009-live-comment
--comment: Live comments forwarded from the stream, stored once per (session, platform, platform's comment id) however often a forwarder resends them. state: RECEIVED (stored, not yet decided), ORDERED (became an order by itself), WAITING (in the review queue: needs review, no phone, no address known, a repeat, or refused by the hot path), ACCEPTED (staff accepted it and it became an order), REJECTED (staff rejected it), IGNORED (chatter). lines and reasons are JSON as parsed; phone is E.164.
CREATE TABLE live_comment (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    session_id          BIGINT        NOT NULL,
    cooperative_id      BIGINT        NOT NULL,
    platform            VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    platform_comment_id VARCHAR(100)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    commenter_name      VARCHAR(200)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    commenter_id        VARCHAR(100)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    text                VARCHAR(2000) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    commented_at        DATETIME(6)   NOT NULL,
    received_at         DATETIME(6)   NOT NULL,
    state               VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    lines_json          TEXT          CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    phone               VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    reasons_json        TEXT          CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    order_code          CHAR(8)       CHARACTER SET ascii COLLATE ascii_bin NULL,
    decided_by          VARCHAR(200)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    decided_at          DATETIME(6)   NULL,
    decision_note       VARCHAR(500)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_live_comment (session_id, platform, platform_comment_id),
    KEY ix_live_comment_queue (session_id, state, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE live_comment;
