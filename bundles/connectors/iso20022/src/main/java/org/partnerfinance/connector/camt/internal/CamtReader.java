package org.partnerfinance.connector.camt.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.partnerfinance.connectors.api.ImportFormatException;

/**
 * Reads ISO 20022 bank-to-customer statements (camt.053, {@code BkToCstmrStmt}) and debit/credit notifications
 * (camt.054, {@code BkToCstmrDbtCdtNtfctn}), versions 001.02 to 001.08, with StAX.
 *
 * <p>Why StAX and not a JAXB binding: a binding would need one generated class tree per message and version (14 of
 * them) plus a JAXB runtime as OSGi bundles, for the twenty-odd elements the portal reads; the elements it reads have
 * kept their names and places across these versions (apart from the entry status, a code element from 001.06, and the
 * party name under {@code Pty} from 001.08, both handled here). StAX streams, so a file of any size is read in constant
 * memory per statement.
 *
 * <p>Hostile input is refused: the JDK's own StAX implementation with DTD support and external entities off, and a
 * document type declaration refused outright (bank files never have one; it is how external entities and entity
 * expansion come in). Truncated or malformed XML ends the read with the position.
 *
 * <p>Entries are handed over per statement once its end has been read and its declared totals (number and sum of
 * entries, credits and debits, net total, opening + entries = closing balance) have been checked, so a statement whose
 * totals do not add up writes nothing.
 */
final class CamtReader {

    static final Pattern NAMESPACE = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:(camt\\.05[34])\\.(001\\.(\\d\\d))");
    static final int MIN_VERSION = 2;
    static final int MAX_VERSION = 8;

    /** Receives the entries of one statement after its totals were checked. */
    @FunctionalInterface
    interface StatementHandler {
        void statement(String statementId, List<BankEntry> entries);
    }

    private final int maxEntriesPerStatement;

    CamtReader(int maxEntriesPerStatement) {
        this.maxEntriesPerStatement = maxEntriesPerStatement;
    }

    private static XMLInputFactory factory() {
        // the JDK's implementation, not whatever a bundle's ServiceLoader finds: its security properties are known
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Reads the file to its end. */
    void read(InputStream in, StatementHandler handler) throws ImportFormatException {
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(in);
            new Parse(xml, handler).run();
        } catch (XMLStreamException e) {
            throw new ImportFormatException("The file is not well-formed XML or ends early" + at(e.getLocation())
                    + ": " + clean(e.getMessage()), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // the stream is the core's to close; nothing more to read
                }
            }
        }
    }

    private static String at(Location location) {
        return location == null || location.getLineNumber() < 0 ? ""
                : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    private static String clean(String message) {
        if (message == null) {
            return "unreadable";
        }
        // the JDK prefixes its messages with "ParseError at [row,col]:[..]\nMessage: "
        int m = message.indexOf("Message: ");
        return (m >= 0 ? message.substring(m + 9) : message).strip();
    }

    /** One pass over one file. */
    private final class Parse {
        private final XMLStreamReader xml;
        private final StatementHandler handler;
        private final Deque<String> path = new ArrayDeque<>();
        private String messageType;
        private String version;
        private String messageId;
        private Statement statement;
        private EntryBuilder entry;
        private TxBuilder tx;
        private BalanceBuilder balance;
        private boolean sawMessage;

        Parse(XMLStreamReader xml, StatementHandler handler) {
            this.xml = xml;
            this.handler = handler;
        }

        void run() throws XMLStreamException, ImportFormatException {
            while (xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new ImportFormatException("The file has a document type "
                            + "declaration (DOCTYPE)" + at(xml.getLocation()) + "; ISO 20022 messages never have one "
                            + "and it is refused (external entities, entity expansion).");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new ImportFormatException("The file refers to "
                            + "an entity (&" + xml.getLocalName() + ";)" + at(xml.getLocation()) + "; refused.");
                    case XMLStreamConstants.START_ELEMENT -> start();
                    case XMLStreamConstants.END_ELEMENT -> end();
                    default -> {
                    }
                }
            }
            if (!sawMessage) {
                throw new ImportFormatException("The file holds no camt.053 statement or camt.054 notification.");
            }
        }

        private void start() throws XMLStreamException, ImportFormatException {
            String name = xml.getLocalName();
            if (path.isEmpty()) {
                root(name);
            }
            path.push(name);
            String parent = parent(1);
            if (path.size() == 3 && ("Stmt".equals(name) || "Ntfctn".equals(name))) {
                statement = new Statement();
                return;
            }
            if (statement == null) {
                if ("MsgId".equals(name) && "GrpHdr".equals(parent)) {
                    messageId = text();
                }
                return;
            }
            if (entry == null) {
                statementElement(name, parent);
                return;
            }
            entryElement(name, parent);
        }

        private void root(String name) throws ImportFormatException {
            String ns = xml.getNamespaceURI();
            Matcher m = ns == null ? null : NAMESPACE.matcher(ns);
            if (!"Document".equals(name) || m == null || !m.matches()) {
                throw new ImportFormatException("Not an ISO 20022 camt.053 or camt.054 message: the root element is "
                        + name + (ns == null || ns.isEmpty() ? " without a namespace" : " in namespace " + ns) + ".");
            }
            int v = Integer.parseInt(m.group(3));
            if (v < MIN_VERSION || v > MAX_VERSION) {
                throw new ImportFormatException("Version " + m.group(1) + "." + m.group(2) + " is not read; the "
                        + "connector reads versions 001.02 to 001.08.");
            }
            messageType = m.group(1);
            version = m.group(2);
        }

        private void statementElement(String name, String parent) throws XMLStreamException, ImportFormatException {
            switch (name) {
                case "Ntry" -> {
                    if (++statement.entryCount > maxEntriesPerStatement) {
                        throw new ImportFormatException("Statement " + statement.id + " has more than "
                                + maxEntriesPerStatement + " entries (the connector's max.entries.per.statement).");
                    }
                    entry = new EntryBuilder(statement.entryCount);
                }
                case "Id" -> {
                    if (path.size() == 4) {
                        statement.id = text();
                    }
                }
                case "IBAN" -> {
                    if ("Acct".equals(parent(2)) && path.size() == 6) {
                        statement.account = text();
                    }
                }
                case "Bal" -> balance = new BalanceBuilder();
                case "Cd" -> {
                    if (balance != null && "CdOrPrtry".equals(parent)) {
                        balance.type = text();
                    }
                }
                case "Amt" -> {
                    if (balance != null && "Bal".equals(parent)) {
                        balance.currency = xml.getAttributeValue(null, "Ccy");
                        balance.amount = amount(text(), "balance");
                    } else if ("TtlNetNtry".equals(parent)) {
                        statement.netAmount = amount(text(), "TxsSummry net total");
                    }
                }
                case "TtlNetNtryAmt" -> statement.netAmount = amount(text(), "TxsSummry net total");
                case "CdtDbtInd" -> {
                    if (balance != null && "Bal".equals(parent)) {
                        balance.credit = credit(text());
                    } else if ("TtlNetNtry".equals(parent) || "TtlNtries".equals(parent)) {
                        // 001.03+: TtlNetNtry/CdtDbtInd; 001.02: TtlNtries/CdtDbtInd beside TtlNetNtryAmt
                        statement.netCredit = credit(text());
                    }
                }
                case "NbOfNtries" -> statement.declaredCount(parent, integer(text(), parent + "/NbOfNtries"));
                case "Sum" -> statement.declaredSum(parent, amount(text(), parent + "/Sum"));
                default -> {
                }
            }
        }

        private void entryElement(String name, String parent) throws XMLStreamException, ImportFormatException {
            boolean inTx = tx != null;
            switch (name) {
                case "TxDtls" -> {
                    tx = new TxBuilder();
                    entry.transactions.add(tx);
                }
                case "Amt" -> {
                    if (!inTx && "Ntry".equals(parent)) {
                        entry.currency = xml.getAttributeValue(null, "Ccy");
                        entry.amount = amount(text(), "entry " + entry.index + " amount");
                    } else if (inTx && ("TxDtls".equals(parent) || "TxAmt".equals(parent))) {
                        // TxDtls/Amt from 001.03 on; AmtDtls/TxAmt/Amt in all versions
                        tx.currency = xml.getAttributeValue(null, "Ccy");
                        tx.amount = amount(text(), "entry " + entry.index + " transaction amount");
                    }
                }
                case "CdtDbtInd" -> {
                    if (!inTx && "Ntry".equals(parent)) {
                        entry.credit = credit(text());
                    }
                }
                case "RvslInd" -> {
                    if (!inTx) {
                        entry.reversal = "true".equalsIgnoreCase(text().strip()) || "1".equals(text().strip());
                    }
                }
                case "Sts" -> {
                    if (!inTx && "Ntry".equals(parent)) {
                        // 001.02-05: <Sts>BOOK</Sts>; 001.06+: <Sts><Cd>BOOK</Cd></Sts>
                        String s = textOrChildren();
                        if (s != null) {
                            entry.status = s;
                        }
                    }
                }
                case "Cd" -> {
                    if (!inTx && "Sts".equals(parent) && "Ntry".equals(parent(2))) {
                        entry.status = text();
                    }
                }
                case "Dt", "DtTm" -> {
                    String value = text();
                    if (!inTx && "BookgDt".equals(parent)) {
                        entry.bookingDate = date(value, "booking date");
                    } else if (!inTx && "ValDt".equals(parent)) {
                        entry.valueDate = date(value, "value date");
                    }
                }
                case "AcctSvcrRef" -> {
                    if (!inTx && "Ntry".equals(parent)) {
                        entry.accountServicerRef = blankToNull(text());
                    } else if (inTx && "Refs".equals(parent)) {
                        tx.accountServicerRef = blankToNull(text());
                    }
                }
                case "EndToEndId" -> {
                    if (inTx && "Refs".equals(parent)) {
                        String id = blankToNull(text());
                        tx.endToEndId = id == null || "NOTPROVIDED".equalsIgnoreCase(id) ? null : id;
                    }
                }
                case "Nm" -> {
                    if (inTx) {
                        String party = "Pty".equals(parent) ? parent(2) : parent;
                        if ("Dbtr".equals(party)) {
                            tx.debtorName = blankToNull(text());
                        } else if ("Cdtr".equals(party)) {
                            tx.creditorName = blankToNull(text());
                        }
                    }
                }
                case "IBAN" -> {
                    if (inTx && "Id".equals(parent)) {
                        if ("DbtrAcct".equals(parent(2))) {
                            tx.debtorIban = blankToNull(text());
                        } else if ("CdtrAcct".equals(parent(2))) {
                            tx.creditorIban = blankToNull(text());
                        }
                    }
                }
                case "Ustrd" -> {
                    if (inTx && "RmtInf".equals(parent)) {
                        String line = blankToNull(text());
                        if (line != null) {
                            tx.remittance = tx.remittance == null ? line : tx.remittance + " " + line;
                        }
                    }
                }
                case "Ref" -> {
                    if (inTx && "CdtrRefInf".equals(parent) && tx.creditorReference == null) {
                        tx.creditorReference = blankToNull(text());
                    }
                }
                case "AddtlNtryInf" -> {
                    if (!inTx) {
                        entry.additionalInfo = blankToNull(text());
                    }
                }
                default -> {
                }
            }
        }

        private void end() throws ImportFormatException {
            String name = path.pop();
            if (statement == null) {
                return;
            }
            if (entry != null) {
                if ("TxDtls".equals(name)) {
                    tx = null;
                } else if ("Ntry".equals(name)) {
                    statement.entries.addAll(entry.build(this));
                    entry = null;
                }
                return;
            }
            if ("Bal".equals(name) && balance != null) {
                statement.balance(balance);
                balance = null;
            } else if (path.size() == 2 && ("Stmt".equals(name) || "Ntfctn".equals(name))) {
                statement.check(messageType);
                sawMessage = true;
                handler.statement(statement.id, List.copyOf(statement.entries));
                statement = null;
            }
        }

        // ---- values ------------------------------------------------------------------------------------------

        private String parent(int up) {
            int i = 0;
            for (String p : path) {
                if (i++ == up) {
                    return p;
                }
            }
            return null;
        }

        /** The text of the current element; leaves the reader on its end tag, which is popped here. */
        private String text() throws XMLStreamException {
            String text = xml.getElementText();
            path.pop();
            return text;
        }

        /** For {@code Sts}: its text if it has no child elements; {@code null} when a child follows (read later). */
        private String textOrChildren() throws XMLStreamException, ImportFormatException {
            StringBuilder text = new StringBuilder();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    text.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    path.pop();
                    return text.toString().strip();
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    // Sts/Cd: handled as an element of its own
                    start();
                    return null;
                }
            }
            return null;
        }

        private BigDecimal amount(String text, String what) throws ImportFormatException {
            String t = text.strip();
            if (!t.matches("[0-9]{1,18}(\\.[0-9]{1,5})?")) {
                throw new ImportFormatException(what + " \"" + t + "\" is not an ISO 20022 amount" + at(
                        xml.getLocation()) + ".");
            }
            return new BigDecimal(t);
        }

        private long integer(String text, String what) throws ImportFormatException {
            String t = text.strip();
            if (!t.matches("[0-9]{1,15}")) {
                throw new ImportFormatException(what + " \"" + t + "\" is not a number" + at(xml.getLocation()) + ".");
            }
            return Long.parseLong(t);
        }

        private boolean credit(String text) throws ImportFormatException {
            return switch (text.strip()) {
                case "CRDT" -> true;
                case "DBIT" -> false;
                default -> throw new ImportFormatException("CdtDbtInd \"" + text.strip() + "\" is neither CRDT nor "
                        + "DBIT" + at(xml.getLocation()) + ".");
            };
        }

        private LocalDate date(String text, String what) throws ImportFormatException {
            String t = text.strip();
            try {
                return LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t);
            } catch (DateTimeParseException e) {
                throw new ImportFormatException(what + " \"" + t + "\" is not a date" + at(xml.getLocation()) + ".");
            }
        }

        Location location() {
            return xml.getLocation();
        }

        String statementIdOrUnknown() {
            return statement == null || statement.id == null ? "(no id)" : statement.id;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final class BalanceBuilder {
        String type;
        String currency;
        BigDecimal amount;
        boolean credit = true;
    }

    private static final class TxBuilder {
        BigDecimal amount;
        String currency;
        String accountServicerRef;
        String endToEndId;
        String debtorName;
        String debtorIban;
        String creditorName;
        String creditorIban;
        String creditorReference;
        String remittance;
    }

    private final class EntryBuilder {
        final int index;
        BigDecimal amount;
        String currency;
        Boolean credit;
        boolean reversal;
        String status;
        LocalDate bookingDate;
        LocalDate valueDate;
        String accountServicerRef;
        String additionalInfo;
        final List<TxBuilder> transactions = new ArrayList<>();

        EntryBuilder(int index) {
            this.index = index;
        }

        List<BankEntry> build(Parse parse) throws ImportFormatException {
            String where = "Entry " + index + " of statement " + parse.statementIdOrUnknown();
            if (amount == null || currency == null || credit == null) {
                throw new ImportFormatException(where + " has no amount, currency or credit/debit indicator" + at(
                        parse.location()) + ".");
            }
            if (bookingDate == null && valueDate == null) {
                throw new ImportFormatException(where + " has neither a booking date nor a value date.");
            }
            LocalDate booked = bookingDate == null ? valueDate : bookingDate;
            String sts = status == null ? "BOOK" : status.toUpperCase(Locale.ROOT);
            // a batch entry whose transactions carry their own amounts in the entry's currency adding up to it is
            // matched transaction by transaction; otherwise the entry is one item with all its references
            boolean split = transactions.size() > 1 && transactions.stream()
                    .allMatch(t -> t.amount != null && currency.equals(t.currency))
                    && transactions.stream().map(t -> t.amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                            .compareTo(amount) == 0;
            List<BankEntry> out = new ArrayList<>();
            if (split) {
                int i = 0;
                for (TxBuilder t : transactions) {
                    i++;
                    out.add(entry(parse, i, t.amount, t.accountServicerRef != null ? t.accountServicerRef
                            : accountServicerRef, List.of(t), sts, booked));
                }
            } else {
                out.add(entry(parse, 0, amount, accountServicerRef, transactions, sts, booked));
            }
            return out;
        }

        private BankEntry entry(Parse parse, int txIndex, BigDecimal value, String ref, List<TxBuilder> txs,
                String sts, LocalDate booked) {
            String e2e = first(txs, t -> t.endToEndId);
            String name = first(txs, t -> credit ? t.debtorName : t.creditorName);
            String iban = first(txs, t -> credit ? t.debtorIban : t.creditorIban);
            String cref = first(txs, t -> t.creditorReference);
            String remittance = txs.stream().map(t -> t.remittance).filter(r -> r != null)
                    .reduce((a, b) -> a + " " + b).orElse(additionalInfo);
            return new BankEntry(parse.messageType, parse.version, parse.messageId, parse.statementIdOrUnknown(),
                    parse.statement.account == null ? "" : parse.statement.account, index, txIndex, value, currency,
                    credit, reversal, sts, booked, valueDate, ref, e2e, name, iban, cref,
                    remittance == null ? null : remittance.length() > 1000 ? remittance.substring(0, 1000)
                            : remittance);
        }
    }

    private static String first(List<TxBuilder> txs, java.util.function.Function<TxBuilder, String> field) {
        return txs.stream().map(field).filter(v -> v != null).findFirst().orElse(null);
    }

    /** A statement (or notification) being read, with what it declares about itself. */
    private static final class Statement {
        String id;
        String account;
        int entryCount;
        final List<BankEntry> entries = new ArrayList<>();
        Long count;
        BigDecimal sum;
        Long creditCount;
        BigDecimal creditSum;
        Long debitCount;
        BigDecimal debitSum;
        BigDecimal netAmount;
        Boolean netCredit;
        BalanceBuilder opening;
        BalanceBuilder closing;

        void declaredCount(String parent, long n) {
            switch (parent) {
                case "TtlNtries" -> count = n;
                case "TtlCdtNtries" -> creditCount = n;
                case "TtlDbtNtries" -> debitCount = n;
                default -> {
                }
            }
        }

        void declaredSum(String parent, BigDecimal s) {
            switch (parent) {
                case "TtlNtries" -> sum = s;
                case "TtlCdtNtries" -> creditSum = s;
                case "TtlDbtNtries" -> debitSum = s;
                default -> {
                }
            }
        }

        void balance(BalanceBuilder b) {
            if (b.type == null || b.amount == null) {
                return;
            }
            switch (b.type) {
                case "OPBD", "PRCD" -> opening = opening == null ? b : opening;
                case "CLBD" -> closing = b;
                default -> {
                }
            }
        }

        /** The declared totals against the entries read; throws when they differ. */
        void check(String messageType) throws ImportFormatException {
            String name = (messageType.equals("camt.053") ? "Statement " : "Notification ") + (id == null ? "(no id)"
                    : id);
            long credits = 0;
            long debits = 0;
            BigDecimal creditTotal = BigDecimal.ZERO;
            BigDecimal debitTotal = BigDecimal.ZERO;
            // entries, not the transactions a batch entry was split into
            java.util.Map<Integer, BankEntry> byEntry = new java.util.LinkedHashMap<>();
            java.util.Map<Integer, BigDecimal> amounts = new java.util.HashMap<>();
            for (BankEntry e : entries) {
                byEntry.putIfAbsent(e.entryIndex(), e);
                amounts.merge(e.entryIndex(), e.amount(), BigDecimal::add);
            }
            for (BankEntry e : byEntry.values()) {
                BigDecimal a = amounts.get(e.entryIndex());
                if (e.credit()) {
                    credits++;
                    creditTotal = creditTotal.add(a);
                } else {
                    debits++;
                    debitTotal = debitTotal.add(a);
                }
            }
            List<String> wrong = new ArrayList<>();
            expect(wrong, "number of entries (TtlNtries/NbOfNtries)", count, credits + debits);
            expect(wrong, "sum of entries (TtlNtries/Sum)", sum, creditTotal.add(debitTotal));
            expect(wrong, "number of credit entries (TtlCdtNtries/NbOfNtries)", creditCount, credits);
            expect(wrong, "sum of credit entries (TtlCdtNtries/Sum)", creditSum, creditTotal);
            expect(wrong, "number of debit entries (TtlDbtNtries/NbOfNtries)", debitCount, debits);
            expect(wrong, "sum of debit entries (TtlDbtNtries/Sum)", debitSum, debitTotal);
            BigDecimal net = creditTotal.subtract(debitTotal);
            if (netAmount != null) {
                BigDecimal declared = Boolean.FALSE.equals(netCredit) ? netAmount.negate() : netAmount;
                expect(wrong, "net total of entries (TtlNetNtry)", declared, net);
            }
            if (opening != null && closing != null && opening.currency != null
                    && opening.currency.equals(closing.currency)) {
                BigDecimal open = opening.credit ? opening.amount : opening.amount.negate();
                BigDecimal close = closing.credit ? closing.amount : closing.amount.negate();
                if (open.add(net).compareTo(close) != 0) {
                    wrong.add("opening balance " + open.toPlainString() + " + entries " + net.toPlainString()
                            + " = " + open.add(net).toPlainString() + ", but the closing balance is "
                            + close.toPlainString());
                }
            }
            if (!wrong.isEmpty()) {
                throw new ImportFormatException(name + ": the totals do not add up, nothing of it was imported: "
                        + String.join("; ", wrong) + ".");
            }
        }

        private static void expect(List<String> wrong, String what, Object declared, Object actual) {
            if (declared == null) {
                return;
            }
            boolean same = declared instanceof BigDecimal d ? d.compareTo((BigDecimal) actual) == 0
                    : declared.equals(actual);
            if (!same) {
                wrong.add(what + " declared " + (declared instanceof BigDecimal d ? d.toPlainString() : declared)
                        + ", entries give " + (actual instanceof BigDecimal a ? a.toPlainString() : actual));
            }
        }
    }
}
