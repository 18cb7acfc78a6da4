-- The anniversary fundraiser, in the organisation's own words (the home page's text). No goal:
-- staff set one in the console; until then the pages show what has been raised and by how many.
-- Suggested amounts are minor units (cents) of the site's currency.
INSERT INTO campaign (slug, name, description, goal_minor, start_date, end_date, suggested_amounts,
                      pledge_instructions, receipt_text, featured, created_at, updated_at)
VALUES ('five-year-anniversary', 'Five Year Anniversary',
        'In the five years since its inception, the Alliance Against Seclusion & Restraint has been at the forefront of a vital movement, advocating tirelessly for the safety and dignity of children. Please consider donating to our anniversary fundraiser to support this critical work.',
        NULL, NULL, NULL, '2500,5000,10000,25000',
        'Thank you for your pledge. Our team will write to you with how to send your gift by cheque or bank transfer, and will confirm it when it arrives.',
        'No goods or services were provided in exchange for this contribution.',
        TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
