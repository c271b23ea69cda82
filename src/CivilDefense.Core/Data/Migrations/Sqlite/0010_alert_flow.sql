-- Alert flow (issue #5): a draft warning points at the alert prepared from it, once.

ALTER TABLE "monitoring_draft_warnings" ADD COLUMN "AlertId" INTEGER NULL;

CREATE UNIQUE INDEX "IX_monitoring_draft_warnings_AlertId" ON "monitoring_draft_warnings" ("AlertId");
