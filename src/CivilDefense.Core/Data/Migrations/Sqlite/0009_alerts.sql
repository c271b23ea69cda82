-- Alerts (issue #5): CAP messages PTDS issues, neighbour feeds and the alerts received from them.

CREATE TABLE "neighbour_feeds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_neighbour_feeds" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "UnitPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Url" TEXT NOT NULL,
    "Enabled" INTEGER NOT NULL,
    "IntervalMinutes" INTEGER NOT NULL,
    "LastPolledAt" TEXT NULL,
    "LastOutcome" TEXT NULL,
    "LastPollFailed" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_neighbour_feeds_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_neighbour_feeds_UnitId" ON "neighbour_feeds" ("UnitId");

CREATE TABLE "received_alerts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_received_alerts" PRIMARY KEY AUTOINCREMENT,
    "FeedId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "UnitPath" TEXT NOT NULL,
    "Sender" TEXT NOT NULL,
    "Identifier" TEXT NOT NULL,
    "SentText" TEXT NOT NULL,
    "SentKey" TEXT NOT NULL,
    "SentUtc" TEXT NULL,
    "Status" TEXT NULL,
    "MessageType" TEXT NULL,
    "Event" TEXT NULL,
    "Hazard" TEXT NULL,
    "RiskLevel" INTEGER NULL,
    "Severity" TEXT NULL,
    "Headline" TEXT NULL,
    "AreasJson" TEXT NOT NULL,
    "TextsJson" TEXT NOT NULL,
    "CapXml" TEXT NOT NULL,
    "FindingsJson" TEXT NOT NULL,
    "ErrorCount" INTEGER NOT NULL,
    "WarningCount" INTEGER NOT NULL,
    "Signature" TEXT NULL,
    "SourceUrl" TEXT NOT NULL,
    "ReceivedAt" TEXT NOT NULL,
    CONSTRAINT "FK_received_alerts_neighbour_feeds_FeedId" FOREIGN KEY ("FeedId") REFERENCES "neighbour_feeds" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_received_alerts_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_received_alerts_FeedId" ON "received_alerts" ("FeedId");

CREATE INDEX "IX_received_alerts_SentUtc" ON "received_alerts" ("SentUtc");

CREATE UNIQUE INDEX "IX_received_alerts_UnitId_Sender_Identifier_SentKey" ON "received_alerts" ("UnitId", "Sender", "Identifier", "SentKey");

CREATE TABLE "issued_alerts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_issued_alerts" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "UnitPath" TEXT NOT NULL,
    "Identifier" TEXT NULL,
    "Sender" TEXT NOT NULL,
    "SentUtc" TEXT NULL,
    "SentText" TEXT NULL,
    "Status" TEXT NOT NULL,
    "MessageType" TEXT NOT NULL,
    "Scope" TEXT NOT NULL,
    "Hazard" TEXT NULL,
    "RiskLevel" INTEGER NOT NULL,
    "Urgency" TEXT NOT NULL,
    "Certainty" TEXT NOT NULL,
    "ExpiresUtc" TEXT NULL,
    "AreasJson" TEXT NOT NULL,
    "TextsJson" TEXT NOT NULL,
    "Note" TEXT NULL,
    "ReplacesId" INTEGER NULL,
    "ChainId" INTEGER NULL,
    "References" TEXT NULL,
    "RelayedFromId" INTEGER NULL,
    "CapXml" TEXT NULL,
    "State" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "IssuedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_issued_alerts_issued_alerts_ReplacesId" FOREIGN KEY ("ReplacesId") REFERENCES "issued_alerts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_issued_alerts_received_alerts_RelayedFromId" FOREIGN KEY ("RelayedFromId") REFERENCES "received_alerts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_issued_alerts_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_issued_alerts_ChainId" ON "issued_alerts" ("ChainId");

CREATE INDEX "IX_issued_alerts_RelayedFromId" ON "issued_alerts" ("RelayedFromId");

CREATE INDEX "IX_issued_alerts_ReplacesId" ON "issued_alerts" ("ReplacesId");

CREATE UNIQUE INDEX "IX_issued_alerts_Sender_Identifier" ON "issued_alerts" ("Sender", "Identifier");

CREATE INDEX "IX_issued_alerts_UnitId_SentUtc" ON "issued_alerts" ("UnitId", "SentUtc");
