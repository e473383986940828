CREATE INDEX ledgertest_line_account ON ledgertest_line (account);
