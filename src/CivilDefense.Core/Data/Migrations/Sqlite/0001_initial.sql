-- 0001: the foundation schema (territory, organisations, command boards, access, audit).
-- Generated from the EF model with 'ptds schema-script --provider Sqlite', then the audit triggers added by hand.

CREATE TABLE "audit_entries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_audit_entries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "ActorUserId" INTEGER NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "UnitId" INTEGER NULL,
    "UnitPath" TEXT NOT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL
);


CREATE TABLE "units" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_units" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "ParentId" INTEGER NULL,
    "Path" TEXT NOT NULL,
    "Level" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "NameEn" TEXT NULL,
    "FullName" TEXT NOT NULL,
    "FullNameEn" TEXT NULL,
    "Population" INTEGER NULL,
    "PopulationYear" INTEGER NULL,
    "Households" INTEGER NULL,
    "AreaKm2" REAL NULL,
    "CentroidLat" REAL NULL,
    "CentroidLon" REAL NULL,
    "Boundary" TEXT NULL,
    "BoundarySimplified" TEXT NULL,
    "ValidFrom" TEXT NULL,
    "ValidTo" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_units_units_ParentId" FOREIGN KEY ("ParentId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "organizations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_organizations" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "ShortName" TEXT NULL,
    "ParentOrganizationId" INTEGER NULL,
    "Address" TEXT NULL,
    "Phone" TEXT NULL,
    "Email" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_organizations_organizations_ParentOrganizationId" FOREIGN KEY ("ParentOrganizationId") REFERENCES "organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_organizations_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "unit_successions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_unit_successions" PRIMARY KEY AUTOINCREMENT,
    "PredecessorId" INTEGER NOT NULL,
    "SuccessorId" INTEGER NOT NULL,
    "IsPartial" INTEGER NOT NULL,
    "EffectiveOn" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_unit_successions_units_PredecessorId" FOREIGN KEY ("PredecessorId") REFERENCES "units" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_unit_successions_units_SuccessorId" FOREIGN KEY ("SuccessorId") REFERENCES "units" ("Id") ON DELETE CASCADE
);


CREATE TABLE "api_tokens" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_api_tokens" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "SecretHash" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "OrganizationId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByUserId" INTEGER NULL,
    "ExpiresAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    "LastUsedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_api_tokens_organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "organizations" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_api_tokens_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "command_boards" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_command_boards" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "StandingAgencyId" INTEGER NULL,
    "EstablishingDecision" TEXT NULL,
    "EstablishedOn" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_command_boards_organizations_StandingAgencyId" FOREIGN KEY ("StandingAgencyId") REFERENCES "organizations" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_command_boards_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "organization_contacts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_organization_contacts" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Position" TEXT NULL,
    "Phone" TEXT NULL,
    "Email" TEXT NULL,
    "IsDutyContact" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_organization_contacts_organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "organizations" ("Id") ON DELETE CASCADE
);


CREATE TABLE "users" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_users" PRIMARY KEY AUTOINCREMENT,
    "UserName" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "Email" TEXT NULL,
    "PasswordHash" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "OrganizationId" INTEGER NULL,
    "IsActive" INTEGER NOT NULL,
    "FailedLoginCount" INTEGER NOT NULL,
    "LockoutEndsAt" TEXT NULL,
    "Language" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastLoginAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_users_organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "organizations" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_users_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "board_members" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_board_members" PRIMARY KEY AUTOINCREMENT,
    "BoardId" INTEGER NOT NULL,
    "FullName" TEXT NOT NULL,
    "Position" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "OrganizationId" INTEGER NULL,
    "Phone" TEXT NULL,
    "Email" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_board_members_command_boards_BoardId" FOREIGN KEY ("BoardId") REFERENCES "command_boards" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_board_members_organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "organizations" ("Id") ON DELETE SET NULL
);


CREATE TABLE "duty_shifts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_duty_shifts" PRIMARY KEY AUTOINCREMENT,
    "BoardId" INTEGER NOT NULL,
    "MemberId" INTEGER NOT NULL,
    "StartsAt" TEXT NOT NULL,
    "EndsAt" TEXT NOT NULL,
    "Note" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_duty_shifts_board_members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "board_members" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_duty_shifts_command_boards_BoardId" FOREIGN KEY ("BoardId") REFERENCES "command_boards" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_api_tokens_OrganizationId" ON "api_tokens" ("OrganizationId");


CREATE UNIQUE INDEX "IX_api_tokens_Prefix" ON "api_tokens" ("Prefix");


CREATE INDEX "IX_api_tokens_UnitId" ON "api_tokens" ("UnitId");


CREATE INDEX "IX_audit_entries_At" ON "audit_entries" ("At");


CREATE INDEX "IX_audit_entries_EntityType_EntityId" ON "audit_entries" ("EntityType", "EntityId");


CREATE INDEX "IX_audit_entries_UnitPath" ON "audit_entries" ("UnitPath");


CREATE INDEX "IX_board_members_BoardId" ON "board_members" ("BoardId");


CREATE INDEX "IX_board_members_OrganizationId" ON "board_members" ("OrganizationId");


CREATE INDEX "IX_command_boards_StandingAgencyId" ON "command_boards" ("StandingAgencyId");


CREATE INDEX "IX_command_boards_UnitId" ON "command_boards" ("UnitId");


CREATE INDEX "IX_duty_shifts_BoardId_StartsAt" ON "duty_shifts" ("BoardId", "StartsAt");


CREATE INDEX "IX_duty_shifts_MemberId" ON "duty_shifts" ("MemberId");


CREATE INDEX "IX_organization_contacts_OrganizationId" ON "organization_contacts" ("OrganizationId");


CREATE INDEX "IX_organizations_ParentOrganizationId" ON "organizations" ("ParentOrganizationId");


CREATE INDEX "IX_organizations_UnitId" ON "organizations" ("UnitId");


CREATE UNIQUE INDEX "IX_unit_successions_PredecessorId_SuccessorId" ON "unit_successions" ("PredecessorId", "SuccessorId");


CREATE INDEX "IX_unit_successions_SuccessorId" ON "unit_successions" ("SuccessorId");


CREATE INDEX "IX_units_Code" ON "units" ("Code");


CREATE INDEX "IX_units_ParentId" ON "units" ("ParentId");


CREATE INDEX "IX_units_Path" ON "units" ("Path");


CREATE INDEX "IX_users_OrganizationId" ON "users" ("OrganizationId");


CREATE INDEX "IX_users_UnitId" ON "users" ("UnitId");


CREATE UNIQUE INDEX "IX_users_UserName" ON "users" ("UserName");



-- The audit trail is append-only, whatever client writes to the database.
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;

CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
