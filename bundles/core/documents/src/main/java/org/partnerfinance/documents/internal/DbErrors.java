package org.partnerfinance.documents.internal;

import java.sql.SQLException;

/** Recognises database refusals that have a business meaning. */
final class DbErrors {

    private DbErrors() {
    }

    /** SQLState 23505 (unique or primary key violation) is the same on Derby and PostgreSQL. */
    static boolean isUniqueViolation(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if ("23505".equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof SQLException s && "23505".equals(s.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }
}
