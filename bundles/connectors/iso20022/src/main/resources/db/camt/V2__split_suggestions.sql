-- The documents of a suggested split (suggestion kind SPLIT): one row per document with its open amount when the entry
-- was queued, in the order the split takes them.
CREATE TABLE camt_suggestion_part (
    entry_id BIGINT NOT NULL,
    rank_no INT NOT NULL,
    part_no INT NOT NULL,
    document_id BIGINT NOT NULL,
    amount DECIMAL(23, 5) NOT NULL,
    PRIMARY KEY (entry_id, rank_no, part_no),
    CONSTRAINT camt_suggestion_part_of FOREIGN KEY (entry_id, rank_no) REFERENCES camt_suggestion (entry_id, rank_no)
);
