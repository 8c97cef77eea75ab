-- A matching verdict no longer checks and share-locks its post row (issue 3: 50 verdicts per scrape, each locking a
-- post the same scrape had just written, which dirtied the post's page again and wrote a WAL record for the lock).
--
-- Every statement that writes campaign_posts selects the post it points at in the same statement (RecordMatches and
-- AddManually join posts), so a verdict cannot name a missing post; and nothing deletes posts. A retention job that
-- deletes posts must delete their verdicts first (and would want an index on post_id back for it).
ALTER TABLE campaign_posts DROP CONSTRAINT campaign_posts_post_id_fkey;
DROP INDEX campaign_posts_post;
