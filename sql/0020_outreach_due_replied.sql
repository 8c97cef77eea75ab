-- A participant who replied can still have an after_reply step scheduled: the due scan must see it too.
DROP INDEX IF EXISTS outreach_participants_due;
CREATE INDEX outreach_participants_due ON outreach_participants (campaign_id, next_send_at, contact_id)
    WHERE status IN ('pending', 'sent', 'delivered', 'replied') AND next_send_at IS NOT NULL;
-- Routing a reply finds the contact's participants (organization, contact) and then their campaigns' status.
