-- 0004: readiness norms, units' hazard profiles and readiness score snapshots (issue #4).
-- Generated from the EF model with 'ptds schema-script --provider Sqlite'.

CREATE TABLE "readiness_norms" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_readiness_norms" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "UnitPath" TEXT NOT NULL,
    "Profile" TEXT NOT NULL,
    "Component" TEXT NOT NULL,
    "MetricKey" TEXT NOT NULL,
    "Target" REAL NOT NULL,
    "Weight" REAL NOT NULL,
    "MeasureUnit" TEXT NOT NULL,
    "Source" TEXT NULL,
    "ValidFrom" TEXT NULL,
    "ValidTo" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_readiness_norms_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE CASCADE
);

CREATE TABLE "readiness_snapshots" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_readiness_snapshots" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Day" TEXT NOT NULL,
    "Overall" REAL NOT NULL,
    "Command" REAL NOT NULL,
    "Forces" REAL NOT NULL,
    "MeansAndMaterials" REAL NOT NULL,
    "Logistics" REAL NOT NULL,
    "GapCount" INTEGER NOT NULL,
    "Trigger" TEXT NOT NULL,
    "ComputedAt" TEXT NOT NULL,
    CONSTRAINT "FK_readiness_snapshots_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE CASCADE
);

CREATE TABLE "unit_hazard_profiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_unit_hazard_profiles" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Profile" TEXT NOT NULL,
    "ExposedResidents" INTEGER NULL,
    "Basis" TEXT NULL,
    CONSTRAINT "FK_unit_hazard_profiles_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_readiness_norms_UnitId_Profile_MetricKey" ON "readiness_norms" ("UnitId", "Profile", "MetricKey");

CREATE UNIQUE INDEX "IX_readiness_snapshots_UnitId_Day" ON "readiness_snapshots" ("UnitId", "Day");

CREATE UNIQUE INDEX "IX_unit_hazard_profiles_UnitId_Profile" ON "unit_hazard_profiles" ("UnitId", "Profile");
