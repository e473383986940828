-- PostgreSQL only: not valid Derby, so running it on Derby would fail the test
ALTER TABLE dialecttest_item ADD COLUMN pg_note TEXT COLLATE "C";
