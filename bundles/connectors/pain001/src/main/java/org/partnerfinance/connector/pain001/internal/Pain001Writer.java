package org.partnerfinance.connector.pain001.internal;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.partnerfinance.connectors.api.ExportFormatException;
import org.partnerfinance.connectors.api.PaymentOrder;
import org.partnerfinance.connectors.api.PaymentOrder.CreditTransfer;
import org.partnerfinance.partner.api.BankAccount;

/**
 * Writes a payment order as ISO 20022 {@code pain.001.001.09} (CustomerCreditTransferInitiationV09) with StAX: one
 * group header, one payment information block per currency and requested execution date (a block has one debtor
 * account, one currency and one date), one credit transfer per payment. Everything is checked before the first byte
 * is written, so a refused order leaves no half-written file.
 */
final class Pain001Writer {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
    static final Set<String> CHARGE_BEARERS = Set.of("DEBT", "CRED", "SHAR", "SLEV");

    /** ISO 20022 Max140Text, the longest name or remittance line. */
    private static final int MAX_TEXT = 140;
    private static final int MAX_ID = 35;

    /** The debtor side, from the connector's configuration. */
    record Debtor(String name, String iban, String bic, String initiatingParty, String chargeBearer) {
    }

    private final Debtor debtor;

    Pain001Writer(Debtor debtor) {
        this.debtor = debtor;
    }

    /** Checks the debtor configuration; the message names the setting to fix. */
    static Debtor debtor(String name, String iban, String bic, String initiatingParty, String chargeBearer)
            throws ExportFormatException {
        String file = "etc/" + Pain001Connector.PID + ".cfg";
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new ExportFormatException("The company's account holder name is not configured (debtor.name in "
                    + file + ").");
        }
        String i = BankAccount.normalise(iban);
        if (!BankAccount.isValidIban(i)) {
            throw new ExportFormatException(i.isEmpty()
                    ? "The company's IBAN is not configured (debtor.iban in " + file + ")."
                    : "The company's IBAN " + i + " (debtor.iban in " + file + ") is not a valid IBAN.");
        }
        String b = BankAccount.normalise(bic);
        if (!b.isEmpty() && !BankAccount.isValidBic(b)) {
            throw new ExportFormatException("The company's BIC " + b + " (debtor.bic in " + file
                    + ") is not a BIC of 8 or 11 characters.");
        }
        String charge = chargeBearer == null ? "" : chargeBearer.strip().toUpperCase(java.util.Locale.ROOT);
        if (!charge.isEmpty() && !CHARGE_BEARERS.contains(charge)) {
            throw new ExportFormatException("charge.bearer in " + file + " is one of " + CHARGE_BEARERS + ", not "
                    + charge + ".");
        }
        String party = initiatingParty == null || initiatingParty.isBlank() ? n : initiatingParty.strip();
        return new Debtor(clip(n), i, b, clip(party), charge);
    }

    /** One payment information block: the transfers of one currency and execution date. */
    private record Block(String currency, LocalDate date, List<CreditTransfer> transfers) {
    }

    void write(PaymentOrder order, OutputStream out) throws ExportFormatException {
        check(order);
        Map<String, Block> blocks = new LinkedHashMap<>();
        for (CreditTransfer t : order.transfers()) {
            String currency = t.amount().currency().getCurrencyCode();
            blocks.computeIfAbsent(currency + "|" + t.executionDate(),
                    k -> new Block(currency, t.executionDate(), new ArrayList<>())).transfers().add(t);
        }
        try {
            XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("Document");
            x.writeDefaultNamespace(NAMESPACE);
            x.writeStartElement("CstmrCdtTrfInitn");

            x.writeStartElement("GrpHdr");
            text(x, "MsgId", order.messageId());
            text(x, "CreDtTm", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    order.createdAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
            text(x, "NbOfTxs", Integer.toString(order.count()));
            text(x, "CtrlSum", sum(order.transfers()).toPlainString());
            x.writeStartElement("InitgPty");
            text(x, "Nm", debtor.initiatingParty());
            x.writeEndElement();
            x.writeEndElement();

            int n = 0;
            for (Block block : blocks.values()) {
                x.writeStartElement("PmtInf");
                text(x, "PmtInfId", order.messageId() + "-" + (++n));
                text(x, "PmtMtd", "TRF");
                text(x, "NbOfTxs", Integer.toString(block.transfers().size()));
                text(x, "CtrlSum", sum(block.transfers()).toPlainString());
                x.writeStartElement("ReqdExctnDt");
                text(x, "Dt", block.date().toString());
                x.writeEndElement();
                x.writeStartElement("Dbtr");
                text(x, "Nm", debtor.name());
                x.writeEndElement();
                account(x, "DbtrAcct", debtor.iban());
                x.writeStartElement("DbtrAgt");
                x.writeStartElement("FinInstnId");
                if (debtor.bic().isEmpty()) {
                    x.writeStartElement("Othr");
                    text(x, "Id", "NOTPROVIDED");
                    x.writeEndElement();
                } else {
                    text(x, "BICFI", debtor.bic());
                }
                x.writeEndElement();
                x.writeEndElement();
                if (!debtor.chargeBearer().isEmpty()) {
                    text(x, "ChrgBr", debtor.chargeBearer());
                }
                for (CreditTransfer t : block.transfers()) {
                    transfer(x, t);
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
            x.close();
        } catch (XMLStreamException e) {
            throw new ExportFormatException("The pain.001 file could not be written: " + e.getMessage());
        }
    }

    private static void transfer(XMLStreamWriter x, CreditTransfer t) throws XMLStreamException {
        x.writeStartElement("CdtTrfTxInf");
        x.writeStartElement("PmtId");
        text(x, "InstrId", "PAY-" + t.paymentId());
        text(x, "EndToEndId", t.endToEndId());
        x.writeEndElement();
        x.writeStartElement("Amt");
        x.writeStartElement("InstdAmt");
        x.writeAttribute("Ccy", t.amount().currency().getCurrencyCode());
        x.writeCharacters(amount(t).toPlainString());
        x.writeEndElement();
        x.writeEndElement();
        if (!t.creditorBic().isEmpty()) {
            x.writeStartElement("CdtrAgt");
            x.writeStartElement("FinInstnId");
            text(x, "BICFI", t.creditorBic());
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeStartElement("Cdtr");
        text(x, "Nm", clip(t.creditorName()));
        x.writeEndElement();
        account(x, "CdtrAcct", t.creditorIban());
        if (t.remittance() != null && !t.remittance().isBlank()) {
            x.writeStartElement("RmtInf");
            text(x, "Ustrd", clip(t.remittance().strip()));
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void account(XMLStreamWriter x, String element, String iban) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeStartElement("Id");
        text(x, "IBAN", iban);
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    /** Refuses what the format cannot carry, naming the payment, before anything is written. */
    private static void check(PaymentOrder order) throws ExportFormatException {
        if (order.transfers().isEmpty()) {
            throw new ExportFormatException("A payment order needs at least one payment.");
        }
        if (order.messageId() == null || order.messageId().isBlank() || order.messageId().length() > MAX_ID - 6) {
            throw new ExportFormatException("The message id '" + order.messageId() + "' is empty or too long.");
        }
        for (CreditTransfer t : order.transfers()) {
            String what = "Payment " + t.paymentId() + " to partner " + t.partnerId();
            if (t.amount().signum() <= 0) {
                throw new ExportFormatException(what + ": a credit transfer amount must be positive.");
            }
            if (t.amount().amount().stripTrailingZeros().scale() > 5
                    || t.amount().amount().precision() - t.amount().amount().scale() > 13) {
                throw new ExportFormatException(what + ": the amount " + t.amount().amount().toPlainString()
                        + " does not fit a pain.001 amount (13 digits, 5 decimals).");
            }
            if (t.endToEndId() == null || t.endToEndId().isBlank() || t.endToEndId().length() > MAX_ID) {
                throw new ExportFormatException(what + ": the end-to-end reference must have 1 to 35 characters.");
            }
            if (!BankAccount.isValidIban(t.creditorIban())) {
                throw new ExportFormatException(what + ": the creditor IBAN " + t.creditorIban() + " is not valid.");
            }
            if (!t.creditorBic().isEmpty() && !BankAccount.isValidBic(t.creditorBic())) {
                throw new ExportFormatException(what + ": the creditor BIC " + t.creditorBic() + " is not valid.");
            }
            if (t.creditorName() == null || t.creditorName().isBlank()) {
                throw new ExportFormatException(what + ": the creditor has no name.");
            }
            if (t.executionDate() == null) {
                throw new ExportFormatException(what + ": the execution date is missing.");
            }
        }
    }

    /** An amount in its currency's minor unit (EUR 2 decimals, JPY none), as banks expect. */
    private static BigDecimal amount(CreditTransfer t) {
        int digits = Math.max(0, t.amount().currency().getDefaultFractionDigits());
        BigDecimal a = t.amount().amount();
        return a.scale() <= digits ? a.setScale(digits, RoundingMode.UNNECESSARY) : a.stripTrailingZeros();
    }

    private static BigDecimal sum(List<CreditTransfer> transfers) {
        return transfers.stream().map(Pain001Writer::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String clip(String text) {
        String t = text.replaceAll("\\p{Cntrl}", " ").strip();
        return t.length() <= MAX_TEXT ? t : t.substring(0, MAX_TEXT);
    }
}
