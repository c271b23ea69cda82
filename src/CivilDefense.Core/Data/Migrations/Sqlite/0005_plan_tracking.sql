-- Plan tracking (issue #3): reminders raised once per assignment and deadline.

CREATE TABLE "plan_reminders" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plan_reminders" PRIMARY KEY AUTOINCREMENT,
    "AssignmentId" INTEGER NOT NULL,
    "Slot" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "RaisedAt" TEXT NOT NULL,
    CONSTRAINT "FK_plan_reminders_plan_assignments_AssignmentId" FOREIGN KEY ("AssignmentId") REFERENCES "plan_assignments" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_plan_reminders_AssignmentId_Slot" ON "plan_reminders" ("AssignmentId", "Slot");
