-- Campaign templates (docs/domain/templates.md#niche-templates): built-in ones (organization_id NULL) shipped here,
-- and organizations' own saved from their campaigns. A template holds the fields a new campaign starts from.
CREATE TABLE campaign_templates (
    id               uuid PRIMARY KEY,
    organization_id  uuid REFERENCES organizations (id),
    name             text NOT NULL,
    description      text,
    niche            text NOT NULL CHECK (niche IN ('fitness', 'gaming', 'adult', 'fashion', 'general')),
    type             text CHECK (type IN ('ppv', 'subscription', 'promotion', 'engagement', 'retention')),
    -- The campaign fields a new campaign starts with (budget, currency, goals, platforms, media_urls, content, ...),
    -- in the API's spelling, so instantiating is a merge patch over them.
    settings         jsonb NOT NULL,
    usage_count      integer NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
-- Listing: built-ins and the organization's own, filtered by niche and type, in id order (the keyset cursor).
CREATE INDEX campaign_templates_listing ON campaign_templates (organization_id, niche, type, id);

-- Built-in templates: fixed ids so a re-run or a reference from a client stays stable. Prices are the offers', in
-- minor units; budgets are the offers' revenue goal in minor units; content is per platform like a campaign's (docs/domain/templates.md#niche-templates).
INSERT INTO campaign_templates (id, organization_id, name, description, niche, type, settings) VALUES
('00000000-0000-7000-8000-000000000101', NULL, '30-Day Workout Challenge',
 'Join my exclusive 30-day workout challenge with daily routines, meal plans, and personal coaching.', 'fitness', 'ppv',
 '{"budget": 250000, "currency": "USD", "goals": ["conversions", "revenue"], "platforms": ["instagram"],
   "content": {"instagram": {"title": "Transform Your Body in 30 Days! 💪", "description": "Join my exclusive 30-day workout challenge with daily routines, meal plans, and personal coaching.", "cta": "Start Your Transformation", "price": 4999}}}'),
('00000000-0000-7000-8000-000000000102', NULL, 'Meal Plan Bundle',
 'Get personalized meal plans every week with macro tracking and shopping lists.', 'fitness', 'subscription',
 '{"budget": 300000, "currency": "USD", "goals": ["conversions", "revenue"], "platforms": ["instagram"],
   "content": {"instagram": {"title": "Weekly Meal Plans + Recipes 🥗", "description": "Get personalized meal plans every week with macro tracking and shopping lists.", "cta": "Subscribe Now", "price": 2999}}}'),
('00000000-0000-7000-8000-000000000201', NULL, 'Exclusive Stream Access',
 'Get exclusive access to private streams, behind-the-scenes content, and gaming sessions.', 'gaming', 'subscription',
 '{"budget": 400000, "currency": "USD", "goals": ["conversions", "revenue"], "platforms": ["twitch"],
   "content": {"twitch": {"title": "VIP Stream Access 🎮", "description": "Get exclusive access to private streams, behind-the-scenes content, and gaming sessions.", "cta": "Join VIP", "price": 1999}}}'),
('00000000-0000-7000-8000-000000000202', NULL, 'Game Tutorial Series',
 'Learn advanced strategies and techniques from a pro player.', 'gaming', 'ppv',
 '{"budget": 225000, "currency": "USD", "goals": ["conversions", "revenue"], "platforms": ["youtube"],
   "content": {"youtube": {"title": "Master [Game Name] - Pro Tips 🏆", "description": "Learn advanced strategies and techniques from a pro player.", "cta": "Get Tutorial", "price": 1499}}}'),
('00000000-0000-7000-8000-000000000301', NULL, 'VIP Subscription Tier',
 'Get access to exclusive content, custom requests, and priority messaging.', 'adult', 'subscription',
 '{"budget": 500000, "currency": "USD", "goals": ["conversions", "revenue"], "platforms": ["onlyfans"],
   "content": {"onlyfans": {"title": "VIP Access - Exclusive Content 💎", "description": "Get access to exclusive content, custom requests, and priority messaging.", "cta": "Upgrade to VIP", "price": 4999}}}'),
('00000000-0000-7000-8000-000000000302', NULL, 'Custom Content Offer',
 'Request personalized content tailored to your preferences.', 'adult', 'ppv',
 '{"budget": 500000, "currency": "USD", "goals": ["conversions", "revenue"], "platforms": ["onlyfans"],
   "content": {"onlyfans": {"title": "Custom Content Just for You ✨", "description": "Request personalized content tailored to your preferences.", "cta": "Request Custom", "price": 9999}}}'),
('00000000-0000-7000-8000-000000000401', NULL, 'Seasonal Promotion',
 'A limited-time discount announced on every channel.', 'general', 'promotion',
 '{"budget": 100000, "currency": "USD", "goals": ["sales", "reach"], "platforms": ["email", "instagram"],
   "content": {"email": {"title": "Limited-time offer", "cta": "Shop now"}, "instagram": {"title": "Limited-time offer ⏳", "cta": "Shop now"}}}'),
('00000000-0000-7000-8000-000000000402', NULL, 'Win-Back Retention',
 'Bring lapsed subscribers back with a personal offer.', 'general', 'retention',
 '{"budget": 50000, "currency": "USD", "goals": ["retention"], "platforms": ["email"],
   "content": {"email": {"title": "We miss you", "cta": "Come back"}}}');
