-- Editors now manage categories in the console: a version column lets two editors' saves of the
-- same category be told apart (optimistic locking), as for stories and pages.
ALTER TABLE category ADD COLUMN version INTEGER DEFAULT 0 NOT NULL;
