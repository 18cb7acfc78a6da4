-- Opportunities that the organisation's stories name ("Volunteers Lead the Way to Change", the
-- volunteer spotlights, the parents' accounts of provincial and state policy). They are seeded as
-- DRAFTS: a starting point for the coordinator to review, correct and open, never shown to
-- visitors as facts until a person has done so. Applied once, like every migration.

INSERT INTO opportunity
  (slug, title, summary, involves, place_kind, country, region, time_asked, status, created_at, updated_at)
VALUES (
  'event-support',
  'Event support',
  'Help at the Alliance''s events: welcoming people, handing out information, setting up and clearing away.',
  'Greeting people as they arrive, staffing an information table, helping speakers and guests find their way, and setting up and clearing away. No experience needed: a coordinator briefs everyone before the event.',
  'IN_PERSON', NULL, NULL,
  'A few hours per event',
  'DRAFT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO opportunity
  (slug, title, summary, involves, place_kind, country, region, time_asked, status, created_at, updated_at)
VALUES (
  'sharing-stories',
  'Sharing stories',
  'Tell your own story, or help others tell theirs, so that people see what restraint and seclusion do to children.',
  'Writing or recording your own experience as a parent or guardian, survivor or educator, or helping others put theirs into words, with our editors, for the stories on this site. You decide what is published and under what name.',
  'REMOTE', NULL, NULL,
  'About two hours a month',
  'DRAFT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO opportunity
  (slug, title, summary, involves, place_kind, country, region, time_asked, status, created_at, updated_at)
VALUES (
  'state-and-provincial-advocacy',
  'State and provincial advocacy',
  'Speak up where the rules are made: contact lawmakers and school boards in your state or province.',
  'Following bills and education policies on restraint and seclusion in your state or province, writing to and meeting lawmakers and school boards, and giving testimony with others from the Alliance. We share briefings and templates.',
  'IN_PERSON', NULL, NULL,
  'Two to four hours a month',
  'DRAFT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
