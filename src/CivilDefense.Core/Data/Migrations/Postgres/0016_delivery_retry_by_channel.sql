-- Alert delivery (issue #5): dispatchers claim each channel on its own, so the retries due are
-- looked up by channel. With "RetryAt" alone in the index, the planner (before statistics, on a
-- freshly queued alert) answered "Channel = x AND RetryAt <= now" by scanning the whole primary
-- key for the channel (190 ms a claim at 300,000 rows). Channel first, then the time: one range.
DROP INDEX "IX_deliveries_retry";
CREATE INDEX "IX_deliveries_retry" ON deliveries ("Channel", "RetryAt") WHERE "RetryAt" IS NOT NULL;
