-- Alert flow (issue #5): when an issued alert's deliveries were queued. An alert published but not
-- (yet) queued — the process died, or the database failed, between the two — has none, and the
-- dissemination is resumed for it.
ALTER TABLE issued_alerts ADD "DeliveriesQueuedAt" timestamp with time zone;
