-- Alert flow (issue #5): when an issued alert's deliveries were queued (see the PostgreSQL script).
ALTER TABLE "issued_alerts" ADD COLUMN "DeliveriesQueuedAt" TEXT NULL;
