--liquibase formatted sql

--changeset chotdon:platform-001-outbox-event
--comment: Transactional outbox: events are written here in the business transaction and relayed to Kafka.
CREATE TABLE outbox_event (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    event_id     CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    topic        VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    message_key  VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    event_type   VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    payload      LONGTEXT     CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    occurred_at  DATETIME(6)  NOT NULL,
    published_at DATETIME(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_outbox_event_event_id (event_id),
    KEY ix_outbox_event_unpublished (published_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE outbox_event;
