ALTER TABLE dialecttest_item ADD COLUMN derby_note VARCHAR(40);
