-- Monitoring (issue #5): observations keep their station id without a foreign key (see the
-- PostgreSQL script for why). SQLite cannot drop a constraint, so the table is rebuilt.

CREATE TABLE "monitoring_observations_new" (
    "StationId" INTEGER NOT NULL,
    "ObservedAt" TEXT NOT NULL,
    "Variable" TEXT NOT NULL,
    "Value" REAL NOT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    CONSTRAINT "PK_monitoring_observations" PRIMARY KEY ("StationId", "ObservedAt", "Variable")
);

INSERT INTO "monitoring_observations_new" ("StationId", "ObservedAt", "Variable", "Value", "ReceivedAt", "Source")
SELECT "StationId", "ObservedAt", "Variable", "Value", "ReceivedAt", "Source" FROM "monitoring_observations";

DROP TABLE "monitoring_observations";

ALTER TABLE "monitoring_observations_new" RENAME TO "monitoring_observations";
