-- Plans and tasks (issue #3): plans, their revisions, sections, task groups, tasks, bodies,
-- assignments, progress reports, attachments and confirmed body-name aliases.

CREATE TABLE "plans" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plans" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "UnitPath" TEXT NOT NULL,
    "Kind" TEXT NULL,
    "NumberSymbol" TEXT NULL,
    "Title" TEXT NOT NULL,
    "IssuingBody" TEXT NULL,
    "IssuedOn" TEXT NULL,
    "IssuedAt" TEXT NULL,
    "Signer" TEXT NULL,
    "SignerTitle" TEXT NULL,
    "ParentPlanId" INTEGER NULL,
    "ReportingPeriod" TEXT NOT NULL,
    "IsNarrative" INTEGER NOT NULL,
    "Revision" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_plans_plans_ParentPlanId" FOREIGN KEY ("ParentPlanId") REFERENCES "plans" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_plans_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "body_aliases" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_body_aliases" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "MentionKey" TEXT NOT NULL,
    "Mention" TEXT NOT NULL,
    "OrganizationId" INTEGER NOT NULL,
    CONSTRAINT "FK_body_aliases_organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "organizations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_body_aliases_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "plan_revisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plan_revisions" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "ImportedAt" TEXT NOT NULL,
    "ImportedBy" TEXT NOT NULL,
    "SourceName" TEXT NOT NULL,
    "ContentHash" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    CONSTRAINT "FK_plan_revisions_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "plan_sections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plan_sections" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    "MilestoneYear" INTEGER NULL,
    "Text" TEXT NOT NULL,
    "ReportsTo" TEXT NULL,
    "Frequency" TEXT NULL,
    CONSTRAINT "FK_plan_sections_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "plan_task_groups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plan_task_groups" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL,
    CONSTRAINT "FK_plan_task_groups_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "plan_tasks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plan_tasks" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "GroupId" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    "TimingKind" TEXT NOT NULL,
    "TimingText" TEXT NULL,
    "DueDate" TEXT NULL,
    "FromYear" INTEGER NULL,
    "ToYear" INTEGER NULL,
    "ReviewReason" TEXT NULL,
    "ParentTaskId" INTEGER NULL,
    "IsActive" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_plan_tasks_plan_task_groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "plan_task_groups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_plan_tasks_plan_tasks_ParentTaskId" FOREIGN KEY ("ParentTaskId") REFERENCES "plan_tasks" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_plan_tasks_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "plan_assignments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plan_assignments" PRIMARY KEY AUTOINCREMENT,
    "TaskId" INTEGER NOT NULL,
    "OrganizationId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Percent" INTEGER NULL,
    "LastReportedAt" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_plan_assignments_organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_plan_assignments_plan_tasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "plan_tasks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_plan_assignments_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "plan_task_bodies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plan_task_bodies" PRIMARY KEY AUTOINCREMENT,
    "TaskId" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    "Mention" TEXT NOT NULL,
    "MentionKey" TEXT NOT NULL,
    "OrganizationId" INTEGER NULL,
    "Resolution" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    CONSTRAINT "FK_plan_task_bodies_organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_plan_task_bodies_plan_tasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "plan_tasks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "progress_reports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_progress_reports" PRIMARY KEY AUTOINCREMENT,
    "AssignmentId" INTEGER NOT NULL,
    "Period" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Percent" INTEGER NULL,
    "Narrative" TEXT NOT NULL,
    "FiguresJson" TEXT NULL,
    "SubmittedAt" TEXT NOT NULL,
    "SubmittedBy" TEXT NOT NULL,
    "ReviewState" TEXT NOT NULL,
    "ReviewNote" TEXT NULL,
    "ReviewedBy" TEXT NULL,
    "ReviewedAt" TEXT NULL,
    "ReviewerOrganizationId" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_progress_reports_plan_assignments_AssignmentId" FOREIGN KEY ("AssignmentId") REFERENCES "plan_assignments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "report_attachments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_report_attachments" PRIMARY KEY AUTOINCREMENT,
    "ReportId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "StoredName" TEXT NOT NULL,
    CONSTRAINT "FK_report_attachments_progress_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "progress_reports" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_body_aliases_OrganizationId" ON "body_aliases" ("OrganizationId");

CREATE INDEX "IX_body_aliases_UnitId" ON "body_aliases" ("UnitId");

CREATE INDEX "IX_plan_assignments_OrganizationId" ON "plan_assignments" ("OrganizationId");

CREATE UNIQUE INDEX "IX_plan_assignments_TaskId_OrganizationId" ON "plan_assignments" ("TaskId", "OrganizationId");

CREATE INDEX "IX_plan_assignments_UnitId" ON "plan_assignments" ("UnitId");

CREATE UNIQUE INDEX "IX_plan_revisions_PlanId_Number" ON "plan_revisions" ("PlanId", "Number");

CREATE INDEX "IX_plan_sections_PlanId" ON "plan_sections" ("PlanId");

CREATE INDEX "IX_plan_task_bodies_OrganizationId" ON "plan_task_bodies" ("OrganizationId");

CREATE INDEX "IX_plan_task_bodies_TaskId" ON "plan_task_bodies" ("TaskId");

CREATE INDEX "IX_plan_task_groups_PlanId" ON "plan_task_groups" ("PlanId");

CREATE INDEX "IX_plan_tasks_GroupId" ON "plan_tasks" ("GroupId");

CREATE INDEX "IX_plan_tasks_ParentTaskId" ON "plan_tasks" ("ParentTaskId");

CREATE INDEX "IX_plan_tasks_PlanId" ON "plan_tasks" ("PlanId");

CREATE INDEX "IX_plans_NumberSymbol" ON "plans" ("NumberSymbol");

CREATE INDEX "IX_plans_ParentPlanId" ON "plans" ("ParentPlanId");

CREATE INDEX "IX_plans_UnitId" ON "plans" ("UnitId");

CREATE INDEX "IX_plans_UnitPath" ON "plans" ("UnitPath");

CREATE INDEX "IX_progress_reports_AssignmentId_Period" ON "progress_reports" ("AssignmentId", "Period");

CREATE INDEX "IX_report_attachments_ReportId" ON "report_attachments" ("ReportId");
