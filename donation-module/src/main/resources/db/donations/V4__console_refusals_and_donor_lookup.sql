-- The staff console: a donor's history is found by email address (stored lower-cased), and the
-- dashboard counts refused donation attempts.

CREATE INDEX ix_donation_donor_email ON donation (donor_email);
CREATE INDEX ix_donation_confirmed ON donation (status, confirmed_at);

-- Refused attempts (the card-testing limits and the honeypot) per day in the organisation's time
-- zone: one row a day however many are refused, so a flood of refusals cannot fill the disk or the
-- audit log, and the count survives a restart. No address, no email: only how many.
CREATE TABLE donation_refusal (
  refused_on DATE    NOT NULL PRIMARY KEY,
  refused    INTEGER NOT NULL
);
