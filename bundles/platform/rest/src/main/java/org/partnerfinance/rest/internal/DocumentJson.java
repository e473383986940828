package org.partnerfinance.rest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partnerfinance.documents.api.Allocation;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.Settlement;
import org.partnerfinance.ledger.api.Money;

/** Invoices, credit notes and payments as the API shows them. */
final class DocumentJson {

    private DocumentJson() {
    }

    public record Line(int lineNo, String description, BigDecimal quantity, BigDecimal unitPrice, String taxCategory,
            BigDecimal taxRate, Money net) {
    }

    public record Tax(String category, BigDecimal rate, Money taxable, Money tax) {
    }

    /** What the partner is told about the payment: "Paid" only after the bank confirmed it. */
    public record SettlementJson(String state, String label, LocalDate date, String source, String bankReference) {
        static SettlementJson of(Settlement s) {
            return s == null ? null
                    : new SettlementJson(Params.spell(s.state()), s.label(), s.date(), s.source(), s.bankReference());
        }
    }

    public record Doc(long id, String partnerId, String partnerName, String direction, String kind, String number,
            LocalDate issueDate, LocalDate dueDate, String currency, List<Line> lines, List<Tax> taxes, Money net,
            Money tax, Money gross, Money open, String status, SettlementJson settlement, boolean disputed,
            Long creditedId, String sourceSystem, String sourceReference, Instant createdAt, long version) {
    }

    public record AllocationJson(long documentId, String documentNumber, Money amount, LocalDate date,
            boolean effective) {
    }

    public record Pay(long id, String partnerId, String direction, Money amount, String method, LocalDate valueDate,
            String status, String remittance, String endToEndId, String sourceSystem, String bankReference,
            LocalDate bookingDate, String confirmedBy, List<AllocationJson> allocations, Money unapplied,
            Instant createdAt, long version, String statusText, String paymentOrder, LocalDate sentOn) {
    }

    static Doc of(Document d) {
        return new Doc(d.id(), d.partnerId(), d.partnerName(), Params.spell(d.direction()), Params.spell(d.kind()),
                d.number(), d.issueDate(), d.dueDate(), d.gross().currency().getCurrencyCode(),
                d.lines().stream().map(l -> new Line(l.lineNo(), l.description(), l.quantity(), l.unitPrice(),
                        l.taxCategory(), l.taxRate(), l.net())).toList(),
                d.taxes().stream().map(t -> new Tax(t.category(), t.rate(), t.taxable(), t.tax())).toList(),
                d.net(), d.tax(), d.gross(), d.open(), Params.spell(d.status()), SettlementJson.of(d.settlement()),
                d.disputed(), d.creditedId(), d.sourceSystem(), d.sourceReference(), d.createdAt(), d.version());
    }

    static Pay of(Payment p) {
        return new Pay(p.id(), p.partnerId(), Params.spell(p.direction()), p.amount(), Params.spell(p.method()),
                p.valueDate(), Params.spell(p.status()), p.remittance(), p.endToEndId(), p.sourceSystem(),
                p.bankReference(), p.bookingDate(), p.confirmedBy(),
                p.allocations().stream().map(DocumentJson::of).toList(), p.unapplied(), p.createdAt(), p.version(),
                p.statusText(), p.paymentOrder(), p.sentOn());
    }

    static AllocationJson of(Allocation a) {
        return new AllocationJson(a.documentId(), a.documentNumber(), a.amount(), a.date(), a.effective());
    }
}
