package org.partnerfinance.demo.internal;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.demo.internal.DemoHistory.Confirm;
import org.partnerfinance.demo.internal.DemoHistory.Decide;
import org.partnerfinance.demo.internal.DemoHistory.Issue;
import org.partnerfinance.demo.internal.DemoHistory.OpenDispute;
import org.partnerfinance.demo.internal.DemoHistory.Pay;
import org.partnerfinance.demo.internal.DemoHistory.Share;
import org.partnerfinance.demo.internal.DemoHistory.Step;
import org.partnerfinance.demo.internal.DemoPartners.Profile;
import org.partnerfinance.documents.api.AllocationRequest;
import org.partnerfinance.documents.api.BankConfirmation;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DisputeDraft;
import org.partnerfinance.documents.api.DisputeService;
import org.partnerfinance.documents.api.DisputeStatus;
import org.partnerfinance.documents.api.Dispute;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentLine;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentDraft;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.BankAccount;
import org.partnerfinance.partner.api.PartnerDetails;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the demo's finance history once per database, through the services (so every document and payment is posted
 * to the ledger and audited like any other): the exchange rates of two years, the master data of the demo partners
 * (eighteen more beside the two of the demo users) and, per partner, the invoices, credit notes, payments and disputes
 * of {@link DemoHistory}. Each partner's history commits in one unit of work together with an audit record naming the
 * partner, so an interrupted start continues with the next partner and never doubles one.
 *
 * <p>Runs only where the documents service runs (its references are mandatory), after the demo users exist: disputes
 * are opened by the partners' demo users and decided by the demo finance manager.
 */
@Component(immediate = true, service = {})
public class DemoFinanceHistory {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFinanceHistory.class);

    static final String RATES = "demo.exchange-rates-created";
    static final String PARTNER_HISTORY = "demo.partner-history-created";
    static final String HISTORY = "demo.finance-history-created";

    /** How long to wait for the demo users (created by {@link DemoData} at the same start). */
    private static final long USERS_WAIT_MILLIS = 120_000;

    @Reference
    DocumentService documents;

    @Reference
    DisputeService disputes;

    @Reference
    LedgerService ledger;

    @Reference
    PartnerService partners;

    @Reference
    UserDirectory users;

    @Reference
    AuditTrail audit;

    @Reference
    UnitOfWork unitOfWork;

    private ExecutorService executor;
    private volatile boolean stopping;

    @Activate
    void activate() {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "pf-demo-finance-history");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(() -> {
            try {
                create(LocalDate.now());
            } catch (RuntimeException e) {
                LOG.error("Demo data: the finance history could not be completed; what was committed stays and the "
                        + "next start continues: {}", e.getMessage(), e);
            }
        });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        executor.shutdown();
        // never interrupted: an interrupt aborts embedded Derby's connection in the middle of a statement
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("Demo data: the finance history is still being written; it continues at the next start");
        }
    }

    /** Creates what is missing of the finance history; {@code today} anchors every date of it. */
    void create(LocalDate today) {
        if (DemoSteps.done(audit, HISTORY).isPresent()) {
            LOG.info("Demo data: the finance history was created on {}; it is not created again",
                    DemoSteps.done(audit, HISTORY).get().at());
            DemoSteps.completeIfAllDone(audit, LOG);
            return;
        }
        if (!awaitDemoUsers()) {
            return;
        }
        long started = System.nanoTime();
        Caller system = Caller.system();
        if (DemoSteps.done(audit, RATES).isEmpty()) {
            unitOfWork.required(() -> {
                int count = ledger.importRates(system,
                        new StringReader(DemoRateHistory.csv(today, DemoHistory.MONTHS, ledger.baseCurrency())));
                audit.append(new AuditEvent(system.username(), RATES, DemoSteps.ENTITY_TYPE, DemoSteps.ENTITY_ID, "",
                        count + " weekly exchange rates of " + DemoRateHistory.CURRENCIES));
                return null;
            });
        }
        Set<String> done = audit.forEntity(DemoSteps.ENTITY_TYPE, DemoSteps.ENTITY_ID).stream()
                .filter(r -> r.event().action().equals(PARTNER_HISTORY)).map(r -> r.event().after())
                .collect(Collectors.toSet());
        Map<String, List<Step>> plan = DemoHistory.plan(today);
        int steps = 0;
        for (Profile profile : DemoPartners.ALL) {
            if (stopping) {
                return;
            }
            if (done.contains(profile.id())) {
                continue;
            }
            List<Step> partnerSteps = plan.get(profile.id());
            long t0 = System.nanoTime();
            unitOfWork.required(() -> {
                masterData(system, profile);
                new Run(system, profile).all(partnerSteps);
                audit.append(new AuditEvent(system.username(), PARTNER_HISTORY, DemoSteps.ENTITY_TYPE,
                        DemoSteps.ENTITY_ID, "", profile.id()));
                return null;
            });
            steps += partnerSteps.size();
            LOG.info("Demo data: finance history of {} {}: {} steps in {} ms", profile.id(), profile.name(),
                    partnerSteps.size(), (System.nanoTime() - t0) / 1_000_000);
        }
        unitOfWork.required(() -> audit.append(new AuditEvent(system.username(), HISTORY, DemoSteps.ENTITY_TYPE,
                DemoSteps.ENTITY_ID, "", DemoPartners.ALL.size() + " partners, " + DemoHistory.MONTHS + " months")));
        LOG.info("Demo data: finance history complete ({} steps in {} s)", steps,
                (System.nanoTime() - started) / 1_000_000_000.0);
        DemoSteps.completeIfAllDone(audit, LOG);
    }

    private boolean awaitDemoUsers() {
        long deadline = System.currentTimeMillis() + USERS_WAIT_MILLIS;
        while (DemoSteps.done(audit, DemoData.SEEDED).isEmpty()) {
            if (stopping || System.currentTimeMillis() > deadline) {
                LOG.warn("Demo data: the demo users do not exist (yet); the finance history is created at the next "
                        + "start");
                return false;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Creates the partner with its master data, or fills in the master data of a demo partner created without it (the
     * two of the demo users). A partner someone already gave identifiers keeps what it has.
     */
    private void masterData(Caller system, Profile profile) {
        Set<Currency> allowed = new java.util.HashSet<>();
        profile.allowed().forEach(c -> allowed.add(Currency.getInstance(c)));
        Optional<Partner> existing = partners.find(system, profile.id());
        if (existing.isEmpty()) {
            partners.create(system, profile.id(), new PartnerDetails(profile.name(), profile.kind(),
                    Currency.getInstance(profile.currency()), allowed, profile.vatId(), profile.peppolId(),
                    profile.address(), profile.termsDays(), profile.contact(), true,
                    DemoPartners.ACCOUNTS.get(profile.id())));
            return;
        }
        Partner partner = existing.get();
        if (partner.vatId().isBlank() && partner.peppolId().isBlank() && partner.address().isEmpty()) {
            allowed.addAll(partner.allowedCurrencies());
            partner = partners.update(system, partner.id(), partner.version(), new PartnerDetails(partner.name(),
                    partner.kind(), partner.defaultCurrency(), allowed, profile.vatId(), profile.peppolId(),
                    profile.address(), profile.termsDays(), profile.contact(), partner.active()));
        }
        BankAccount account = DemoPartners.ACCOUNTS.get(profile.id());
        if (account != null && partner.bankAccount().isEmpty()) {
            partners.update(system, partner.id(), partner.version(), PartnerDetails.of(partner)
                    .withBankAccount(account));
        }
    }

    /** Carries out one partner's steps, resolving document numbers and payment references to the stored ids. */
    private final class Run {
        private final Caller system;
        private final Profile profile;
        private final Map<String, Long> documentIds = new HashMap<>();
        private final Map<String, Long> paymentIds = new HashMap<>();
        private final Map<String, Long> disputeIds = new HashMap<>();

        Run(Caller system, Profile profile) {
            this.system = system;
            this.profile = profile;
        }

        void all(List<Step> steps) {
            for (Step step : steps) {
                if (step instanceof Issue issue) {
                    issue(issue);
                } else if (step instanceof Pay pay) {
                    pay(pay);
                } else if (step instanceof Confirm confirm) {
                    confirm(confirm);
                } else if (step instanceof OpenDispute open) {
                    openDispute(open);
                } else if (step instanceof Decide decide) {
                    decide(decide);
                }
            }
        }

        private String key(Direction direction, String number) {
            return direction + ":" + number;
        }

        private void issue(Issue issue) {
            Document document = documents.create(system, new DocumentDraft(profile.id(), issue.direction(),
                    issue.kind(), issue.number(), issue.date(), issue.dueDate(), issue.currency(), issue.lines(), null,
                    issue.creditedNumber(), DemoHistory.ERP, issue.sourceReference()));
            documentIds.put(key(issue.direction(), issue.number()), document.id());
        }

        private Document document(Direction direction, String number) {
            Long id = documentIds.get(key(direction, number));
            if (id == null) {
                throw new IllegalStateException("Demo plan of " + profile.id() + " names document " + number
                        + " before it is issued");
            }
            return documents.find(system, id).orElseThrow(
                    () -> new IllegalStateException("Demo document " + number + " of " + profile.id() + " vanished"));
        }

        private void pay(Pay pay) {
            Currency currency = Currency.getInstance(pay.currency());
            List<AllocationRequest> allocations = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (Share share : pay.shares()) {
                Document document = document(pay.direction(), share.number());
                BigDecimal amount = document.open().amount().multiply(share.fraction())
                        .setScale(currency.getDefaultFractionDigits(), RoundingMode.DOWN);
                if (amount.signum() > 0) {
                    allocations.add(new AllocationRequest(document.id(), amount));
                    total = total.add(amount);
                }
            }
            if (total.signum() <= 0) {
                return; // settled meanwhile (a credit note, an earlier payment): nothing left to pay
            }
            if (pay.roundUp()) {
                // the payer paid a round amount: what exceeds the invoice stays on account
                total = total.divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).multiply(BigDecimal.valueOf(100))
                        .setScale(currency.getDefaultFractionDigits());
            }
            Payment payment = documents.recordPayment(system, new PaymentDraft(profile.id(), pay.direction(), total,
                    pay.currency(), pay.method(), pay.date(), pay.status(), pay.remittance(), pay.endToEndId(),
                    pay.sourceSystem(), pay.bankReference(), allocations));
            paymentIds.put(pay.endToEndId(), payment.id());
        }

        private void confirm(Confirm confirm) {
            Long id = paymentIds.get(confirm.endToEndId());
            if (id == null) {
                return; // the reported payment was not needed (nothing was open any more)
            }
            Payment payment = documents.findPayment(system, id).orElseThrow();
            documents.confirmPayment(system, id, payment.version(),
                    new BankConfirmation(confirm.bankReference(), confirm.date()));
        }

        private void openDispute(OpenDispute open) {
            Document invoice = document(Direction.RECEIVABLE, open.number());
            BigDecimal base = invoice.open().amount();
            if (open.lineNo() != null) {
                base = invoice.lines().stream().filter(l -> l.lineNo() == open.lineNo()).map(DocumentLine::net)
                        .map(m -> m.amount()).findFirst().orElse(base).min(invoice.open().amount());
            }
            int digits = invoice.open().currency().getDefaultFractionDigits();
            BigDecimal amount = base.multiply(open.fraction()).setScale(digits, RoundingMode.DOWN);
            Caller user = users.find(open.user()).orElseThrow(() -> new IllegalStateException(
                    "Demo user " + open.user() + " is missing: no dispute of " + open.number()));
            Dispute dispute = disputes.open(user, new DisputeDraft(invoice.id(), open.subject(), open.lineNo(), amount,
                    open.reason(), null));
            disputeIds.put(open.number(), dispute.id());
        }

        private void decide(Decide decide) {
            Long id = disputeIds.get(decide.number());
            if (id == null) {
                return;
            }
            Caller manager = users.find(decide.user()).orElseThrow(() -> new IllegalStateException(
                    "Demo user " + decide.user() + " is missing: dispute of " + decide.number() + " stays open"));
            Dispute dispute = disputes.find(manager, id).orElseThrow();
            if (dispute.status() != DisputeStatus.OPEN) {
                return;
            }
            if (decide.acceptFraction() == null) {
                disputes.reject(manager, id, dispute.version(), decide.comment());
            } else {
                BigDecimal accepted = dispute.amount().amount().multiply(decide.acceptFraction())
                        .setScale(dispute.amount().currency().getDefaultFractionDigits(), RoundingMode.DOWN);
                disputes.accept(manager, id, dispute.version(), accepted, decide.comment());
            }
        }
    }
}
