-- A story's featured image: the stored file's name (under AASR_DATA_DIR/uploads/stories) and its
-- text alternative, which is required whenever there is an image.
ALTER TABLE story ADD COLUMN image_file VARCHAR(100);
ALTER TABLE story ADD COLUMN image_alt VARCHAR(300);
