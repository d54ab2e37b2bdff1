--liquibase formatted sql

--changeset chotdon:order-005-idempotency-claim-token
--comment: The request that holds an Idempotency-Key names itself with a random token; only that request may store the key's answer or give the key up, so a request whose key was taken over can no longer complete it.
ALTER TABLE idempotency_key
    ADD COLUMN claim_token CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER state;
--rollback ALTER TABLE idempotency_key DROP COLUMN claim_token;

--changeset chotdon:order-005-orders-idempotency-key-unique
--comment: One order per Idempotency-Key (its hash), whatever happens to the key's claim. Should two orders already share a key, the later ones keep their data and lose the key.
UPDATE orders o
JOIN (SELECT idempotency_key, MIN(id) AS first_id FROM orders
      WHERE idempotency_key IS NOT NULL GROUP BY idempotency_key HAVING COUNT(*) > 1) d
  ON d.idempotency_key = o.idempotency_key
SET o.idempotency_key = NULL
WHERE o.id > d.first_id;
ALTER TABLE orders ADD UNIQUE KEY uk_orders_idempotency_key (idempotency_key);
--rollback ALTER TABLE orders DROP INDEX uk_orders_idempotency_key;

--changeset chotdon:order-005-withdrawn-lineup-item
--comment: Lineup items livestream-service withdrew through order-service's gate (PUT /sessions/{id}/lineup/{itemId}/withdrawal). A withdrawn item stays unsellable whatever lineup event arrives later, late or replayed.
CREATE TABLE withdrawn_lineup_item (
    item_id      BIGINT      NOT NULL,
    session_id   BIGINT      NOT NULL,
    version      BIGINT      NOT NULL,
    withdrawn_at DATETIME(6) NOT NULL,
    PRIMARY KEY (item_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE withdrawn_lineup_item;
