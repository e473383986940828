package org.partnerfinance.ledger.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.AccountType;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.persistence.api.PersistenceException;

/**
 * The posting path in plain JDBC on the connection of the current unit of work. Posted entries are append-only rows
 * that nothing ever changes, so the entity manager's change tracking, flushes and the extra identity query per row buy
 * nothing here: posting reads only the accounts, the period and the rates it needs and inserts the header (taking its
 * generated id) and its lines in one multi-row insert. Reads for reports and screens stay on JPA.
 */
final class PostingStore {

    private static final UtcInstantConverter INSTANTS = new UtcInstantConverter();

    /** Lines per insert statement: bounds the number of distinct statements the database compiles and caches. */
    static final int ROWS_PER_INSERT = 8;

    private static final String[] LINE_INSERTS = new String[ROWS_PER_INSERT + 1];

    static {
        for (int rows = 1; rows <= ROWS_PER_INSERT; rows++) {
            StringBuilder sql = new StringBuilder("INSERT INTO ledger_line (entry_id, line_no, account_code, side, "
                    + "amount, currency, partner_id, base_amount, rate) VALUES ");
            for (int r = 0; r < rows; r++) {
                sql.append(r == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
            }
            LINE_INSERTS[rows] = sql.toString();
        }
    }

    private final Connection connection;

    private PostingStore(Connection connection) {
        this.connection = connection;
    }

    /** The store on the connection of the entity manager's transaction (the unit of work's connection). */
    static PostingStore of(EntityManager em) {
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("The ledger posts only inside a transaction.");
        }
        return new PostingStore(connection);
    }

    /** The accounts a posting touches and whether its month is closed, read with one statement. */
    record Checks(Map<String, Account> accounts, boolean closed) {
    }

    /**
     * The accounts with these codes that exist (codes that do not exist are missing from the map), and whether the
     * month is closed (a month without a row is open).
     */
    Checks checks(Collection<String> codes, YearMonth month) {
        List<String> distinct = codes.stream().distinct().toList();
        String marks = String.join(", ", java.util.Collections.nCopies(distinct.size(), "?"));
        Map<String, Account> accounts = new HashMap<>();
        boolean closed = false;
        // one round trip: the period's state rides along on every account row, and on a row of its own
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT code, name, account_type, active FROM ledger_account WHERE code IN (" + marks + ") "
                        + "UNION ALL SELECT CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(100)), "
                        + "CAST(NULL AS VARCHAR(10)), closed FROM ledger_period WHERE period = ?")) {
            for (int i = 0; i < distinct.size(); i++) {
                s.setString(i + 1, distinct.get(i));
            }
            s.setString(distinct.size() + 1, month.toString());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    if (code == null) {
                        closed = rs.getBoolean(4);
                    } else {
                        accounts.put(code, new Account(code, rs.getString(2), AccountType.valueOf(rs.getString(3)),
                                rs.getBoolean(4)));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("reading accounts and the accounting period", e);
        }
        return new Checks(accounts, closed);
    }

    /** The latest rate of the currency dated on or before the date. */
    Optional<BigDecimal> rate(Currency currency, LocalDate date) {
        try (PreparedStatement s = connection.prepareStatement("SELECT rate FROM ledger_rate WHERE currency = ? "
                + "AND rate_date <= ? ORDER BY rate_date DESC FETCH FIRST 1 ROWS ONLY")) {
            s.setString(1, currency.getCurrencyCode());
            s.setDate(2, Date.valueOf(date));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(FxRules.normalise(rs.getBigDecimal(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("reading the exchange rate", e);
        }
    }

    /**
     * Inserts the header and its lines.
     *
     * @return the id the database gave the entry
     */
    long insert(JournalEntryDraft draft, String description, List<JournalLine> lines, String postedBy,
            Instant postedAt, Long reverses) {
        long id;
        try (PreparedStatement header = connection.prepareStatement("INSERT INTO ledger_entry (entry_date, "
                + "description, source, posted_by, posted_at, reverses, journal) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            header.setDate(1, Date.valueOf(draft.date()));
            header.setString(2, description);
            header.setString(3, draft.source());
            header.setString(4, postedBy);
            header.setString(5, INSTANTS.convertToDatabaseColumn(postedAt));
            if (reverses == null) {
                header.setNull(6, Types.BIGINT);
            } else {
                header.setLong(6, reverses);
            }
            header.setString(7, draft.journal());
            header.executeUpdate();
            try (ResultSet keys = header.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new PersistenceException("The database returned no id for the journal entry.");
                }
                // Derby returns the identity column alone, PostgreSQL the whole row with id first
                id = keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("inserting the journal entry", e);
        }
        // One statement per ROWS_PER_INSERT lines (a posting rarely has more): the database opens the table's
        // indexes and foreign-key checks once per statement, where a JDBC batch on embedded Derby runs the
        // single-row insert once per line.
        int no = 1;
        for (int from = 0; from < lines.size(); from += ROWS_PER_INSERT) {
            List<JournalLine> rows = lines.subList(from, Math.min(lines.size(), from + ROWS_PER_INSERT));
            try (PreparedStatement line = connection.prepareStatement(lineInsert(rows.size()))) {
                int p = 1;
                for (JournalLine l : rows) {
                    line.setLong(p++, id);
                    line.setInt(p++, no++);
                    line.setString(p++, l.accountCode());
                    line.setString(p++, l.side().name());
                    line.setBigDecimal(p++, l.amount().amount());
                    line.setString(p++, l.amount().currency().getCurrencyCode());
                    line.setString(p++, l.partnerId());
                    line.setBigDecimal(p++, l.baseAmount().amount());
                    line.setBigDecimal(p++, l.rate());
                }
                line.executeUpdate();
            } catch (SQLException e) {
                throw failure("inserting the journal lines", e);
            }
        }
        return id;
    }

    static String lineInsert(int rows) {
        return LINE_INSERTS[rows];
    }

    private static PersistenceException failure(String what, SQLException e) {
        return new PersistenceException("Ledger: " + what + " failed: " + e.getMessage(), e);
    }
}
