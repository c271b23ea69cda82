-- Alert delivery (issue #5): the durable outbox and the alert texts it sends, once per alert, channel and language.

CREATE TABLE "deliveries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_deliveries" PRIMARY KEY AUTOINCREMENT,
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
    "IdempotencyKey" TEXT NOT NULL
);

CREATE TABLE "delivery_messages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_delivery_messages" PRIMARY KEY AUTOINCREMENT,
    "AlertId" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "Subject" TEXT NULL,
    "Body" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_deliveries_AlertId_RecipientId_Channel" ON "deliveries" ("AlertId", "RecipientId", "Channel");

CREATE INDEX "IX_deliveries_due" ON "deliveries" ("NextAttemptAt") WHERE "State" IN ('Queued', 'Retried', 'Sending');

CREATE UNIQUE INDEX "IX_delivery_messages_AlertId_Channel_Language" ON "delivery_messages" ("AlertId", "Channel", "Language");
