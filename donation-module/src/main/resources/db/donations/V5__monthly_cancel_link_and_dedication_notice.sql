-- A monthly donor's private link to stop the gift, and the dedication notice sent once.

-- Only the SHA-256 of the link's token is kept (a stolen copy of the database opens no link); it is
-- cleared when the gift is cancelled, so a used link opens nothing. Every receipt of a monthly gift
-- carries a link of its own, kept on that receipt's row.
ALTER TABLE donation ADD COLUMN cancel_token_hash VARCHAR(64);
-- When the donor stopped the monthly gift: months already given stay counted.
ALTER TABLE donation ADD COLUMN cancelled_at TIMESTAMP;
-- When the person a gift is dedicated to was told of it: once, however often it is confirmed.
ALTER TABLE donation ADD COLUMN dedication_notified_at TIMESTAMP;
CREATE INDEX ix_donation_cancel_token ON donation (cancel_token_hash);
