-- Editors choose which stories the home page features; featured stories come first there.
ALTER TABLE story ADD COLUMN featured BOOLEAN DEFAULT FALSE NOT NULL;
