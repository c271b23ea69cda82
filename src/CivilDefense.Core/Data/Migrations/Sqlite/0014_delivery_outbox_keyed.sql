-- Alert delivery (issue #5, third round): the outbox keyed by (alert, recipient, channel) in one
-- B-tree (WITHOUT ROWID) instead of a rowid table and two indexes, so each queued row is written
-- once; "RetryAt" (set only while a delivery waits for a retry) is the one other indexed column;
-- delivery_alerts lists the alerts whose deliveries dispatchers still look through. SQLite cannot
-- change a table's key in place: the table is rebuilt and its rows copied (a retry keeps its time;
-- a row sending under a lease is found again by the sweep of its open alert).

CREATE TABLE "deliveries_0014" (
    "AlertId" TEXT NOT NULL,
    "RecipientId" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "UnitId" INTEGER NULL,
    "State" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "QueuedAt" TEXT NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseExpiresAt" TEXT NULL,
    "LastError" TEXT NULL,
    "SentAt" TEXT NULL,
    "RetryAt" TEXT NULL,
    CONSTRAINT "PK_deliveries" PRIMARY KEY ("AlertId", "RecipientId", "Channel")
) WITHOUT ROWID;

INSERT INTO "deliveries_0014" ("AlertId", "RecipientId", "Channel", "Address", "Language", "UnitId", "State", "Attempts", "QueuedAt", "NextAttemptAt",
    "LeaseOwner", "LeaseExpiresAt", "LastError", "SentAt", "RetryAt")
SELECT "AlertId", "RecipientId", "Channel", "Address", "Language", "UnitId", "State", "Attempts", "QueuedAt", "NextAttemptAt",
    "LeaseOwner", "LeaseExpiresAt", "LastError", "SentAt", CASE WHEN "State" = 'Retried' THEN "NextAttemptAt" END
FROM "deliveries";

DROP TABLE "deliveries";

ALTER TABLE "deliveries_0014" RENAME TO "deliveries";

CREATE INDEX "IX_deliveries_retry" ON "deliveries" ("RetryAt") WHERE "RetryAt" IS NOT NULL;

CREATE TABLE "delivery_alerts" (
    "AlertId" TEXT NOT NULL CONSTRAINT "PK_delivery_alerts" PRIMARY KEY,
    "Version" INTEGER NOT NULL,
    "Open" INTEGER NOT NULL
);

INSERT INTO "delivery_alerts" ("AlertId", "Version", "Open")
SELECT "AlertId", 1, max("State" IN ('Queued', 'Retried', 'Sending')) FROM "deliveries" GROUP BY "AlertId";
