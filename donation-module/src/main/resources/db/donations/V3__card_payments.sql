-- Card payments through Stripe Checkout.

-- The payment and the monthly subscription a Checkout Session became, known from its webhook.
ALTER TABLE donation ADD COLUMN payment_intent VARCHAR(255);
ALTER TABLE donation ADD COLUMN subscription_id VARCHAR(255);
CREATE INDEX ix_donation_payment_intent ON donation (payment_intent);
CREATE INDEX ix_donation_subscription ON donation (subscription_id);
CREATE INDEX ix_donation_gateway_reference ON donation (gateway_reference);

-- Each Stripe event is processed once: its id is stored in the transaction that applies it, so a
-- second delivery (a retry, a duplicate, a concurrent one) finds it, or fails on the key and
-- changes nothing.
CREATE TABLE stripe_event (
  event_id    VARCHAR(255) NOT NULL PRIMARY KEY,
  event_type  VARCHAR(100) NOT NULL,
  received_at TIMESTAMP    NOT NULL
);

-- A refund that arrived before the payment's completion (webhooks come in any order): applied
-- when the completion arrives, so the donation ends refunded.
CREATE TABLE stripe_refund (
  payment_intent VARCHAR(255) NOT NULL PRIMARY KEY,
  received_at    TIMESTAMP    NOT NULL
);

-- Row 0 of the receipt sequence is locked first by every receipt number taken, so that the first
-- receipt of a new year is never created by two transactions at once.
INSERT INTO receipt_sequence (receipt_year, last_number) VALUES (0, 0);
