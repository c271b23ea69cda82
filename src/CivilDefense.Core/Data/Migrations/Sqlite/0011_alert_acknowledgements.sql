-- Alert acknowledgements and escalations (issue #5): once per (alert, organisation), each escalation step once.

CREATE TABLE "alert_escalations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_alert_escalations" PRIMARY KEY AUTOINCREMENT,
    "AlertId" TEXT NOT NULL,
    "OrganizationId" INTEGER NOT NULL,
    "Step" INTEGER NOT NULL,
    "NextContactId" INTEGER NULL,
    "DutyOfficers" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_alert_escalations_organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "alert_acknowledgements" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_alert_acknowledgements" PRIMARY KEY AUTOINCREMENT,
    "AlertId" TEXT NOT NULL,
    "OrganizationId" INTEGER NOT NULL,
    "SubscriberId" INTEGER NOT NULL,
    "RecipientId" TEXT NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "By" TEXT NOT NULL,
    CONSTRAINT "FK_alert_acknowledgements_organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_alert_acknowledgements_subscribers_SubscriberId" FOREIGN KEY ("SubscriberId") REFERENCES "subscribers" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_alert_acknowledgements_AlertId_OrganizationId" ON "alert_acknowledgements" ("AlertId", "OrganizationId");

CREATE INDEX "IX_alert_acknowledgements_AlertId_RecipientId" ON "alert_acknowledgements" ("AlertId", "RecipientId");

CREATE INDEX "IX_alert_acknowledgements_OrganizationId" ON "alert_acknowledgements" ("OrganizationId");

CREATE INDEX "IX_alert_acknowledgements_SubscriberId" ON "alert_acknowledgements" ("SubscriberId");

CREATE UNIQUE INDEX "IX_alert_escalations_AlertId_OrganizationId_Step" ON "alert_escalations" ("AlertId", "OrganizationId", "Step");

CREATE INDEX "IX_alert_escalations_OrganizationId" ON "alert_escalations" ("OrganizationId");

