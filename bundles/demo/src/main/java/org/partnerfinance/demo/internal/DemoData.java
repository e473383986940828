package org.partnerfinance.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimType;
import org.partnerfinance.demo.internal.DemoPlan.DemoClaim;
import org.partnerfinance.demo.internal.DemoPlan.DemoPartner;
import org.partnerfinance.demo.internal.DemoPlan.DemoUser;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.ExtensionListener;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the demo installation's data once per database: the two partner organisations and the demo users at
 * activation, and a few expense claims in every state as soon as the expense claim type is available (only for partners
 * that have no claims yet). The finance history (invoices, payments, disputes) is {@link DemoFinanceHistory}'s. Each step ends with an audit record ({@code demo.*} of entity {@code demo/pf-demo}); a step whose
 * record exists is not repeated, so restarts never re-create what an administrator changed or removed. The work runs
 * on a thread of its own, so activation returns at once; nothing here fails when the expense type is missing — the
 * claims are then created when it is installed.
 */
@Component(immediate = true, service = ExtensionListener.class)
public class DemoData implements ExtensionListener {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    /** Audit records of the seeding steps: they are also how a later start knows that a step is done. */
    static final String SEED_ENTITY_TYPE = DemoSteps.ENTITY_TYPE;
    static final String SEED_ENTITY_ID = DemoSteps.ENTITY_ID;
    static final String SEEDED = "demo.accounts-created";
    static final String SAMPLE_CLAIMS = "demo.sample-claims-created";

    /** Logged once every part of the demo is in the database (tests and people starting bin/demo wait for it). */
    static final String COMPLETE = DemoSteps.COMPLETE;

    /** How long to wait for the claims service to offer a newly registered claim type. */
    private static final long TYPE_WAIT_MILLIS = 30_000;

    @Reference
    PartnerService partners;

    @Reference
    UserDirectory users;

    @Reference
    AuditTrail audit;

    @Reference
    UnitOfWork unitOfWork;

    /** The demo's exchange rates exist before any sample claim is approved (postings in USD need them). */
    @Reference
    DemoRates rates;

    /** Set once the sample claims are known to be in the database: nothing more to do for them. */
    private volatile boolean sampleClaimsSeeded;

    private volatile ClaimService claims;

    private final Object lock = new Object();
    private ExecutorService executor;

    /**
     * Set when the component deactivates: the worker finishes the step it is in and does nothing more. The worker is
     * never interrupted, because an interrupt aborts embedded Derby's connection in the middle of a statement.
     */
    private volatile boolean stopping;

    /** Last "why no sample claims" message, so that repeated checks do not repeat it in the log. */
    private volatile String lastNotice;

    /** Expense claim type services registered now (0 when the claim-type bundle is not installed). */
    private final AtomicInteger expenseTypes = new AtomicInteger();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindClaims")
    void bindClaims(ClaimService service) {
        claims = service;
        schedule(() -> createSampleClaims(TYPE_WAIT_MILLIS));
    }

    void unbindClaims(ClaimService service) {
        if (claims == service) {
            claims = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + ExtensionConstants.EXTENSION_ID + "=" + DemoPlan.EXPENSE_TYPE + ")")
    void bindClaimType(ClaimType type) {
        expenseTypes.incrementAndGet();
        schedule(() -> createSampleClaims(TYPE_WAIT_MILLIS));
    }

    void unbindClaimType(ClaimType type) {
        // demo claims stay when their type goes away
        expenseTypes.decrementAndGet();
    }

    @Activate
    void activate() {
        synchronized (lock) {
            executor = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "pf-demo-data");
                thread.setDaemon(true);
                return thread;
            });
        }
        schedule(this::createPartnersAndUsers);
        schedule(() -> createSampleClaims(TYPE_WAIT_MILLIS));
    }

    /** A switched-on expense type gets its sample claims too (nothing happens when they exist). */
    @Override
    public void extensionsChanged() {
        schedule(() -> createSampleClaims(0));
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        ExecutorService running;
        synchronized (lock) {
            running = executor;
            executor = null;
        }
        stopping = true;
        if (running != null) {
            running.shutdown();
            if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Demo data: the worker did not finish its step within 10 seconds; interrupting it");
                running.shutdownNow();
            }
        }
    }

    private void schedule(Runnable work) {
        synchronized (lock) {
            if (executor == null) {
                return; // not active yet: activate() schedules the work
            }
            try {
                executor.execute(() -> {
                    try {
                        work.run();
                    } catch (RuntimeException e) {
                        LOG.error("Demo data: creating demo data failed", e);
                    }
                });
            } catch (RejectedExecutionException e) {
                LOG.debug("Demo data: worker stopped, work not scheduled");
            }
        }
    }

    // --- partners and users --------------------------------------------------------------------------------------

    /**
     * Creates the demo partners and users, once per database: all of them and the audit record {@link #SEEDED}
     * commit together in one unit of work, and a later start that finds that record creates nothing. So a demo user an
     * administrator deleted or disabled stays so, and a changed password stays changed. Partners and users that exist
     * already (e.g. in a database seeded before this record was kept) are left as they are.
     */
    void createPartnersAndUsers() {
        Optional<AuditRecord> seeded = seedRecord(SEEDED);
        if (seeded.isPresent()) {
            LOG.info("Demo data: the demo partners and users were created on {}; they are not created again "
                    + "(users deleted, disabled or with a changed password since stay so)", seeded.get().at());
            return;
        }
        Caller system = Caller.system();
        List<String> created = new ArrayList<>();
        try {
            unitOfWork.required(() -> {
                for (DemoPartner p : DemoPlan.PARTNERS) {
                    if (partners.find(system, p.id()).isEmpty()) {
                        partners.create(system, p.id(), p.name(), p.kind(), p.currency());
                        Partner partner = partners.setAllowedCurrencies(system, p.id(), p.allowed());
                        created.add("partner " + p.id() + " (claims in " + partner.allowedCurrencyCodes() + ")");
                    }
                }
                for (DemoUser u : DemoPlan.USERS) {
                    if (!users.exists(u.username())) {
                        users.create(system, u.username(), u.displayName(), DemoPlan.PASSWORD.toCharArray(),
                                DemoPlan.roles(u), u.partnerId());
                        created.add("user " + u.username());
                    }
                }
                audit.append(new AuditEvent(system.username(), SEEDED, SEED_ENTITY_TYPE, SEED_ENTITY_ID, "",
                        String.join(", ", created)));
                return null;
            });
        } catch (RuntimeException e) {
            // nothing of the demo was stored: the next start of the demo tries again
            LOG.error("Demo data: the demo partners and users could not be created (nothing was stored): {}",
                    e.getMessage(), e);
            return;
        }
        LOG.info("Demo data: created {}", created.isEmpty() ? "nothing (everything existed)" : created);
        logUsers();
    }

    private void logUsers() {
        LOG.info("Demo users (password \"{}\" for all of them; this is a demo, never a production installation):",
                DemoPlan.PASSWORD);
        for (DemoUser u : DemoPlan.USERS) {
            String state = users.exists(u.username()) ? "" : "  [NOT CREATED, see the errors above]";
            LOG.info("  {}  {}{}", String.format("%-13s", u.username()), u.describe(), state);
        }
    }

    /** The audit record of a seeding step, if it happened in this database. */
    private Optional<AuditRecord> seedRecord(String action) {
        return audit.forEntity(SEED_ENTITY_TYPE, SEED_ENTITY_ID).stream()
                .filter(r -> r.event().action().equals(action))
                .findFirst();
    }

    // --- sample claims ---------------------------------------------------------------------------------------------

    /** @param waitMillis how long to wait for the claims service to offer a just registered expense type */
    void createSampleClaims(long waitMillis) {
        if (sampleClaimsSeeded) {
            return;
        }
        Optional<AuditRecord> seeded = seedRecord(SAMPLE_CLAIMS);
        if (seeded.isPresent()) {
            sampleClaimsSeeded = true;
            LOG.info("Demo data: the sample claims were created on {}; they are not created again",
                    seeded.get().at());
            DemoSteps.completeIfAllDone(audit, LOG);
            return;
        }
        ClaimService service = claims;
        if (service == null) {
            LOG.debug("Demo data: claims service not available, sample claims later");
            return;
        }
        Map<String, Optional<Caller>> submitters = Map.of(
                "partner", users.find("partner"), "partner2", users.find("partner2"));
        Optional<Caller> probe = submitters.get("partner");
        if (probe.isEmpty()) {
            notice("Demo data: user 'partner' does not exist, no sample claims");
            return;
        }
        if (expenseTypes.get() == 0) {
            notice("Demo data: the expense claim type is not installed; "
                    + "sample claims will be created when it is installed");
            return;
        }
        if (!waitForExpenseType(service, probe.get(), waitMillis)) {
            return;
        }
        lastNotice = null;
        for (DemoPartner partner : DemoPlan.PARTNERS) {
            if (stopping) {
                return;
            }
            List<DemoClaim> planned = DemoPlan.CLAIMS.stream().filter(c -> c.partnerId().equals(partner.id())).toList();
            if (planned.isEmpty()) {
                continue;
            }
            Optional<Caller> submitter = submitters.get(planned.get(0).submitter());
            if (submitter == null || submitter.isEmpty()) {
                LOG.warn("Demo data: no demo user for partner {}, no sample claims", partner.id());
                continue;
            }
            try {
                if (!service.listForPartner(submitter.get(), partner.id()).isEmpty()) {
                    LOG.debug("Demo data: partner {} has claims, no sample claims created", partner.id());
                    continue;
                }
            } catch (RuntimeException e) {
                // tried again when the claims service or a claim type comes back
                LOG.warn("Demo data: could not list the claims of {}: {}", partner.id(), e.getMessage());
                return;
            }
            int done = 0;
            for (DemoClaim planClaim : planned) {
                if (stopping) {
                    return;
                }
                if (createClaim(service, submitter.get(), planClaim)) {
                    done++;
                }
            }
            LOG.info("Demo data: created {} sample expense claims for {} {}", done, partner.id(), partner.name());
        }
        unitOfWork.required(() -> audit.append(new AuditEvent(Caller.system().username(), SAMPLE_CLAIMS,
                SEED_ENTITY_TYPE, SEED_ENTITY_ID, "", "sample expense claims of "
                        + DemoPlan.PARTNERS.stream().map(DemoPartner::id).toList())));
        sampleClaimsSeeded = true;
        DemoSteps.completeIfAllDone(audit, LOG);
    }

    private void notice(String message) {
        if (!message.equals(lastNotice)) {
            lastNotice = message;
            LOG.info(message);
        }
    }

    /** Whether the claims service offers the expense type (waits a little for one that was just registered). */
    private boolean waitForExpenseType(ClaimService service, Caller caller, long waitMillis) {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (true) {
            try {
                if (service.availableTypes(caller).stream().anyMatch(t -> DemoPlan.EXPENSE_TYPE.equals(t.id()))) {
                    return true;
                }
            } catch (RuntimeException e) {
                LOG.debug("Demo data: claim types not readable yet", e);
            }
            if (stopping) {
                return false;
            }
            if (System.currentTimeMillis() >= deadline) {
                if (waitMillis > 0) {
                    notice("Demo data: the expense claim type is switched off; "
                            + "sample claims will be created when it is switched on");
                } else {
                    LOG.debug("Demo data: the expense claim type is not offered (yet)");
                }
                return false;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private boolean createClaim(ClaimService service, Caller submitter, DemoClaim plan) {
        LocalDate date = LocalDate.now().minusDays(plan.daysAgo());
        Money amount = Money.of(plan.amount(), plan.currency());
        AttachmentUpload receipt = receipt(plan, date, amount);
        ClaimDraft draft = new ClaimDraft(DemoPlan.EXPENSE_TYPE, plan.partnerId(), date, plan.description(), amount,
                Map.of("category", plan.category(), "merchant", plan.merchant()), List.of(receipt));
        Claim claim;
        try {
            if (plan.outcome() == DemoPlan.Outcome.LEAVE_DRAFT) {
                service.saveDraft(submitter, draft);
                return true;
            }
            claim = service.submitNew(submitter, draft);
        } catch (RuntimeException e) {
            LOG.warn("Demo data: sample claim \"{}\" for {} not created: {}", plan.description(), plan.partnerId(),
                    e.getMessage());
            return false;
        }
        if (plan.outcome() == DemoPlan.Outcome.LEAVE_SUBMITTED) {
            return true;
        }
        Optional<Caller> decider = users.find(DemoPlan.DECIDER);
        if (decider.isEmpty()) {
            LOG.warn("Demo data: user {} missing, claim {} stays submitted", DemoPlan.DECIDER, claim.reference());
            return true;
        }
        try {
            if (plan.outcome() == DemoPlan.Outcome.APPROVE || plan.outcome() == DemoPlan.Outcome.PAY) {
                Claim approved = service.approve(decider.get(), claim.id(), claim.version(), plan.comment());
                if (plan.outcome() == DemoPlan.Outcome.PAY) {
                    // segregation of duties: whoever approved cannot also pay, so the finance manager pays
                    Optional<Caller> payer = users.find(DemoPlan.PAYER);
                    if (payer.isPresent()) {
                        service.markPaid(payer.get(), approved.id(), approved.version(), plan.paymentReference());
                    } else {
                        LOG.warn("Demo data: user {} missing, claim {} stays approved", DemoPlan.PAYER,
                                claim.reference());
                    }
                }
            } else {
                service.reject(decider.get(), claim.id(), claim.version(), plan.reason(), plan.comment());
            }
        } catch (RuntimeException e) {
            LOG.warn("Demo data: claim {} is not {} as planned: {}", claim.reference(),
                    plan.outcome().name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
        }
        return true;
    }

    static AttachmentUpload receipt(DemoClaim plan, LocalDate date, Money amount) {
        String slug = plan.merchant().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        if ("png".equals(plan.receiptKind())) {
            long seed = (plan.merchant() + plan.amount() + date).hashCode();
            return new AttachmentUpload("receipt-" + slug + ".png", ReceiptFactory.png(240, 320, seed));
        }
        byte[] pdf = ReceiptFactory.pdf(List.of(
                plan.merchant(),
                "RECEIPT",
                "",
                "Date: " + date,
                plan.description(),
                "",
                "Total: " + amount.format(),
                "",
                "Thank you for your visit."));
        return new AttachmentUpload("receipt-" + slug + ".pdf", pdf);
    }
}
