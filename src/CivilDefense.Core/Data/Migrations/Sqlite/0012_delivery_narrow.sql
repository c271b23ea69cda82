-- Alert delivery (issue #5, performance): the idempotency key is derived from (alert, recipient,
-- channel) wherever it is needed (DeliveryKeys), so it is no longer stored: 33 bytes and a SHA-256
-- less per row of a two-million-row queue.

ALTER TABLE "deliveries" DROP COLUMN "IdempotencyKey";
