-- When a story's address (slug) changes, its old address keeps working: visitors and search
-- engines that follow it are sent on to the new one. Deleting the story deletes its old addresses.
CREATE TABLE story_old_slug (
  old_slug VARCHAR(200) NOT NULL,
  story_id BIGINT       NOT NULL,
  CONSTRAINT pk_story_old_slug PRIMARY KEY (old_slug),
  CONSTRAINT fk_story_old_slug_story FOREIGN KEY (story_id) REFERENCES story (id) ON DELETE CASCADE
);

CREATE INDEX ix_story_old_slug_story ON story_old_slug (story_id);
