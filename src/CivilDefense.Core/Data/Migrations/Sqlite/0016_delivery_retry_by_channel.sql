-- Alert delivery (issue #5): the retries due are looked up by channel (see the PostgreSQL script).
DROP INDEX "IX_deliveries_retry";
CREATE INDEX "IX_deliveries_retry" ON "deliveries" ("Channel", "RetryAt") WHERE "RetryAt" IS NOT NULL;
