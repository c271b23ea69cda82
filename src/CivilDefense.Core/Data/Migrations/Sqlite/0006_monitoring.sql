-- 0006: monitoring stations, alarm levels, observations, risk rules and draft warnings (issue #5).
-- Generated from the EF model with 'ptds schema-script --provider Sqlite'.

CREATE TABLE "monitoring_stations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_monitoring_stations" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "River" TEXT NULL,
    "Zone" INTEGER NULL,
    "Latitude" REAL NOT NULL,
    "Longitude" REAL NOT NULL,
    "CoordinateQuality" TEXT NULL,
    "UnitId" INTEGER NOT NULL,
    "Operator" TEXT NULL,
    "Variables" TEXT NOT NULL,
    "WaterLevelMin" REAL NULL,
    "WaterLevelMax" REAL NULL,
    "IngestTokenId" INTEGER NULL,
    "Source" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_monitoring_stations_api_tokens_IngestTokenId" FOREIGN KEY ("IngestTokenId") REFERENCES "api_tokens" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_monitoring_stations_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "monitoring_alarm_levels" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_monitoring_alarm_levels" PRIMARY KEY AUTOINCREMENT,
    "StationId" INTEGER NOT NULL,
    "Bd1" REAL NULL,
    "Bd2" REAL NULL,
    "Bd3" REAL NULL,
    "ValidFrom" TEXT NULL,
    "ValidTo" TEXT NULL,
    "Source" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_monitoring_alarm_levels_monitoring_stations_StationId" FOREIGN KEY ("StationId") REFERENCES "monitoring_stations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "monitoring_observations" (
    "StationId" INTEGER NOT NULL,
    "ObservedAt" TEXT NOT NULL,
    "Variable" TEXT NOT NULL,
    "Value" REAL NOT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    CONSTRAINT "PK_monitoring_observations" PRIMARY KEY ("StationId", "ObservedAt", "Variable"),
    CONSTRAINT "FK_monitoring_observations_monitoring_stations_StationId" FOREIGN KEY ("StationId") REFERENCES "monitoring_stations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "monitoring_risk_rules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_monitoring_risk_rules" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "UnitPath" TEXT NOT NULL,
    "Hazard" TEXT NOT NULL,
    "Level" INTEGER NOT NULL,
    "ZoneFrom" INTEGER NULL,
    "ZoneTo" INTEGER NULL,
    "LowerAlarm" TEXT NULL,
    "LowerOffset" REAL NOT NULL,
    "UpperAlarm" TEXT NULL,
    "UpperOffset" REAL NOT NULL,
    "WindowHours" INTEGER NULL,
    "MinValue" REAL NULL,
    "MaxValue" REAL NULL,
    "RequiresSeriousDamage" INTEGER NOT NULL,
    "MaxLevel" INTEGER NOT NULL,
    "AutoIssue" INTEGER NOT NULL,
    "LegalSource" TEXT NOT NULL,
    "ValidFrom" TEXT NULL,
    "ValidTo" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_monitoring_risk_rules_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE CASCADE
);

CREATE TABLE "monitoring_draft_warnings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_monitoring_draft_warnings" PRIMARY KEY AUTOINCREMENT,
    "StationId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "Hazard" TEXT NOT NULL,
    "Level" INTEGER NOT NULL,
    "PreviousLevel" INTEGER NOT NULL,
    "ExplanationVi" TEXT NOT NULL,
    "ExplanationEn" TEXT NOT NULL,
    "ObservedAt" TEXT NOT NULL,
    "RaisedAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "AutoIssue" INTEGER NOT NULL,
    "ReviewedByUserId" INTEGER NULL,
    "ReviewedAt" TEXT NULL,
    "ReviewNote" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_monitoring_draft_warnings_monitoring_stations_StationId" FOREIGN KEY ("StationId") REFERENCES "monitoring_stations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_monitoring_draft_warnings_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "monitoring_warning_states" (
    "StationId" INTEGER NOT NULL CONSTRAINT "PK_monitoring_warning_states" PRIMARY KEY,
    "ArmedLevel" INTEGER NOT NULL,
    "BelowSince" TEXT NULL,
    "LastLevel" INTEGER NOT NULL,
    "LastEvaluatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_monitoring_warning_states_monitoring_stations_StationId" FOREIGN KEY ("StationId") REFERENCES "monitoring_stations" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_monitoring_alarm_levels_StationId" ON "monitoring_alarm_levels" ("StationId");

CREATE INDEX "IX_monitoring_draft_warnings_StationId" ON "monitoring_draft_warnings" ("StationId");

CREATE INDEX "IX_monitoring_draft_warnings_Status_RaisedAt" ON "monitoring_draft_warnings" ("Status", "RaisedAt");

CREATE INDEX "IX_monitoring_draft_warnings_UnitId" ON "monitoring_draft_warnings" ("UnitId");

CREATE INDEX "IX_monitoring_risk_rules_UnitId_Hazard" ON "monitoring_risk_rules" ("UnitId", "Hazard");

CREATE UNIQUE INDEX "IX_monitoring_stations_Code" ON "monitoring_stations" ("Code");

CREATE INDEX "IX_monitoring_stations_IngestTokenId" ON "monitoring_stations" ("IngestTokenId");

CREATE INDEX "IX_monitoring_stations_UnitId" ON "monitoring_stations" ("UnitId");
