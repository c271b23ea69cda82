-- Alert delivery (issue #5, third round): the outbox keyed by (alert, recipient, channel), split
-- by a hash of the recipient into 4 partitions, with no index over every unfinished row.
--  * No generated "Id": the primary key is the unique (alert, recipient, channel) it replaced, so
--    each queued row is written into one index instead of three.
--  * "RetryAt" (set only while a delivery waits for a retry) is the one other indexed column: a
--    claim and a sent outcome change no indexed column and are written in place (HOT).
--  * Partitions: queueing connections each COPY into their own partition (heap and index).
--  * delivery_alerts: the alerts whose deliveries dispatchers still look through.
-- Existing rows are kept (a retry keeps its time; a row sending under a lease is found again
-- by the sweep of its open alert).

ALTER TABLE deliveries RENAME TO deliveries_0013;
ALTER TABLE deliveries_0013 RENAME CONSTRAINT "PK_deliveries" TO "PK_deliveries_0013";
DROP INDEX "IX_deliveries_due";

CREATE TABLE deliveries (
    "AlertId" uuid NOT NULL,
    "RecipientId" uuid NOT NULL,
    "Channel" character varying(64) NOT NULL,
    "Address" character varying(500) NOT NULL,
    "Language" character varying(16) NOT NULL,
    "UnitId" integer,
    "State" character varying(16) NOT NULL,
    "Attempts" integer NOT NULL,
    "QueuedAt" timestamp with time zone NOT NULL,
    "NextAttemptAt" timestamp with time zone NOT NULL,
    "LeaseOwner" character varying(100),
    "LeaseExpiresAt" timestamp with time zone,
    "LastError" character varying(500),
    "SentAt" timestamp with time zone,
    "RetryAt" timestamp with time zone,
    CONSTRAINT "PK_deliveries" PRIMARY KEY ("AlertId", "RecipientId", "Channel")
) PARTITION BY HASH ("RecipientId");

-- OutboxPartitions.Count and OutboxPartitions.Table name these.
CREATE TABLE deliveries_p0 PARTITION OF deliveries FOR VALUES WITH (MODULUS 4, REMAINDER 0) WITH (fillfactor = 50);
CREATE TABLE deliveries_p1 PARTITION OF deliveries FOR VALUES WITH (MODULUS 4, REMAINDER 1) WITH (fillfactor = 50);
CREATE TABLE deliveries_p2 PARTITION OF deliveries FOR VALUES WITH (MODULUS 4, REMAINDER 2) WITH (fillfactor = 50);
CREATE TABLE deliveries_p3 PARTITION OF deliveries FOR VALUES WITH (MODULUS 4, REMAINDER 3) WITH (fillfactor = 50);

CREATE INDEX "IX_deliveries_retry" ON deliveries ("RetryAt") WHERE "RetryAt" IS NOT NULL;

INSERT INTO deliveries ("AlertId", "RecipientId", "Channel", "Address", "Language", "UnitId", "State", "Attempts", "QueuedAt", "NextAttemptAt",
    "LeaseOwner", "LeaseExpiresAt", "LastError", "SentAt", "RetryAt")
SELECT "AlertId", "RecipientId", "Channel", "Address", "Language", "UnitId", "State", "Attempts", "QueuedAt", "NextAttemptAt",
    "LeaseOwner", "LeaseExpiresAt", "LastError", "SentAt", CASE WHEN "State" = 'Retried' THEN "NextAttemptAt" END
FROM deliveries_0013 ORDER BY "AlertId", "RecipientId", "Channel";

DROP TABLE deliveries_0013;

CREATE TABLE delivery_alerts (
    "AlertId" uuid NOT NULL,
    "Version" bigint NOT NULL,
    "Open" boolean NOT NULL,
    CONSTRAINT "PK_delivery_alerts" PRIMARY KEY ("AlertId")
);

INSERT INTO delivery_alerts ("AlertId", "Version", "Open")
SELECT "AlertId", 1, bool_or("State" IN ('Queued', 'Retried', 'Sending')) FROM deliveries GROUP BY "AlertId";
