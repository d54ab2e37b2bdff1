--liquibase formatted sql

--changeset chotdon:order-003-idempotency-key-sealed
--comment: Only a hash of each Idempotency-Key, and the answer (the receipt with the buyer's access token) sealed with AES-GCM under a key derived from the raw Idempotency-Key: reading the database no longer lets anyone act as the buyer. The plaintext answers kept so far are deleted (they live two days; there is no production data yet).
DELETE FROM idempotency_key;
ALTER TABLE idempotency_key
    MODIFY idem_key CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    DROP COLUMN response_body,
    ADD COLUMN sealed_response MEDIUMBLOB NULL AFTER response_status;
--rollback DELETE FROM idempotency_key;
--rollback ALTER TABLE idempotency_key DROP COLUMN sealed_response, ADD COLUMN response_body MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL AFTER response_status, MODIFY idem_key VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;

--changeset chotdon:order-003-orders-idempotency-key-hash
--comment: Orders name the Idempotency-Key that placed them by the same hash (IdempotencyKey.id: SHA-256 of the label and the key).
UPDATE orders SET idempotency_key = SHA2(CONCAT('chotdon/order/idempotency-key/id:', idempotency_key), 256)
WHERE idempotency_key IS NOT NULL;
ALTER TABLE orders MODIFY idempotency_key CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL;
--rollback ALTER TABLE orders MODIFY idempotency_key VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NULL;
