--liquibase formatted sql

--changeset chotdon:order-004-buyer-held-units
--comment: Units one buyer (normalised phone) holds unpaid in one session, in PLACED orders, against chotdon.orders.held-units.max-per-phone. Changed only by conditional UPDATEs: taken at placement, given back when the order leaves PLACED.
CREATE TABLE buyer_held_units (
    session_id  BIGINT      NOT NULL,
    buyer_phone VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    units       BIGINT      NOT NULL,
    PRIMARY KEY (session_id, buyer_phone),
    CONSTRAINT ck_buyer_held_units CHECK (units >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE buyer_held_units;

--changeset chotdon:order-004-buyer-held-units-backfill
--comment: Orders already PLACED count against their phone from the start.
INSERT INTO buyer_held_units (session_id, buyer_phone, units)
SELECT o.session_id, o.buyer_phone, SUM(l.quantity)
FROM orders o JOIN order_line l ON l.order_id = o.id
WHERE o.status = 'PLACED'
GROUP BY o.session_id, o.buyer_phone;
--rollback DELETE FROM buyer_held_units;
