-- Fewer writes per matching verdict (issue 3: every scraped post gets a campaign_posts row per allocation, so the
-- row's cost is paid 50 times per scrape).
--
-- campaign_posts_campaign served no query. campaign_posts_allocation_counted duplicated the unique
-- (allocation_id, post_id) index for the metrics read, which only ever reads one allocation's rows (tens to hundreds)
-- and filters them just as well through the unique index.
DROP INDEX campaign_posts_campaign;
DROP INDEX campaign_posts_allocation_counted;

-- The organization of a verdict is copied from its post in the same statement (and the post's own foreign key
-- guarantees that organization), so checking it again per row only added a lookup and a share lock on the hot
-- organizations row for every verdict written.
ALTER TABLE campaign_posts DROP CONSTRAINT campaign_posts_organization_id_fkey;
