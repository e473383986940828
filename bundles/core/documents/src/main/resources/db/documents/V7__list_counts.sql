-- The finance-wide document list asks for an exact total. Counting the matches of a list without a partner means
-- reading every document (13 s on 1,000,000 in Derby), so the number of documents per direction, kind and status is
-- kept here, in the unit of work of every new document and every status change, and the list adds up these rows when
-- its filter is made of those dimensions only (other filters still count their matches). Each combination is split
-- over 16 slots whose sum is the count: a unit of work updates the slot of its thread only, so that concurrent writers
-- seldom wait for the same row (ListCounts); a slot is a share, not particular documents, and may go below zero. All
-- rows exist from here on, so keeping them is an UPDATE and never races on an INSERT. The existing documents are
-- spread over the slots by id.
CREATE TABLE doc_list_count (
    direction VARCHAR(10) NOT NULL,
    kind      VARCHAR(12) NOT NULL,
    status    VARCHAR(20) NOT NULL,
    slot      INTEGER     NOT NULL,
    documents BIGINT      NOT NULL,
    CONSTRAINT doc_list_count_pk PRIMARY KEY (direction, kind, status, slot)
);

INSERT INTO doc_list_count (direction, kind, status, slot, documents)
    SELECT direction, kind, status, slot, COUNT(*)
    FROM (SELECT direction, kind, status, CAST(MOD(id, 16) AS INTEGER) AS slot FROM doc_document) d
    GROUP BY direction, kind, status, slot;

INSERT INTO doc_list_count (direction, kind, status, slot, documents)
    SELECT dr.v, k.v, st.v, sl.v, 0
    FROM (VALUES ('RECEIVABLE'), ('PAYABLE')) AS dr(v),
         (VALUES ('INVOICE'), ('CREDIT_NOTE')) AS k(v),
         (VALUES ('OPEN'), ('PARTIALLY_SETTLED'), ('SETTLED')) AS st(v),
         (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15)) AS sl(v)
    WHERE NOT EXISTS (SELECT 1 FROM doc_list_count c
        WHERE c.direction = dr.v AND c.kind = k.v AND c.status = st.v AND c.slot = sl.v);

-- A page of the list without a partner, newest (or oldest) first: Derby scans an index in its own order only, so
-- each direction has its index. They also hold the columns the list filters on most, so a page's ids are read from
-- the index alone, in order, stopping after the page, instead of sorting every match (DocumentServiceImpl.search).
-- They replace doc_document_issue_ix (issue_date, id), which the ascending one starts with.
DROP INDEX doc_document_issue_ix;
CREATE INDEX doc_document_list_issue_ix ON doc_document (issue_date, id, kind, direction, status);
CREATE INDEX doc_document_list_issue_desc_ix ON doc_document (issue_date DESC, id DESC, kind, direction, status);
