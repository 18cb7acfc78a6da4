-- When the day-before reminder of a booking was emailed. Set only by a conditional UPDATE
-- (reminder_sent_at IS NULL), which is how a reminder is claimed: of two instances polling at the
-- same moment, one updates the row and sends, the other updates nothing and does not. A restart
-- finds what is still unsent here. Portable SQL for Apache Derby and PostgreSQL.
ALTER TABLE booking ADD COLUMN reminder_sent_at TIMESTAMP;
UPDATE booking SET reminder_sent_at = booked_at WHERE reminded = TRUE;
CREATE INDEX ix_booking_reminder ON booking (reminder_sent_at, shift_id);
