-- Alert subscribers (issue #5): residents and organisations' duty contacts.

CREATE TABLE "subscribers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_subscribers" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "Email" TEXT NULL,
    "Language" TEXT NOT NULL,
    "Latitude" REAL NULL,
    "Longitude" REAL NULL,
    "UnitId" INTEGER NOT NULL,
    "OrganizationId" INTEGER NULL,
    "ContactOrder" INTEGER NULL,
    "IsDutyOfficer" INTEGER NOT NULL,
    "WebhookUrl" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Origin" TEXT NOT NULL,
    "ConfirmationHash" TEXT NULL,
    "ConfirmationExpiresAt" TEXT NULL,
    "ConfirmationAttempts" INTEGER NOT NULL,
    "ConfirmedAt" TEXT NULL,
    "UnsubscribedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_subscribers_organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_subscribers_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_subscribers_Email" ON "subscribers" ("Email");
CREATE INDEX "IX_subscribers_OrganizationId_ContactOrder" ON "subscribers" ("OrganizationId", "ContactOrder");
CREATE INDEX "IX_subscribers_Phone" ON "subscribers" ("Phone");
CREATE INDEX "IX_subscribers_UnitId_Status" ON "subscribers" ("UnitId", "Status");
CREATE INDEX "IX_subscribers_UpdatedAt" ON "subscribers" ("UpdatedAt");
