package org.partnerfinance.funds.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.funds.api.AllocationStatus;
import org.partnerfinance.funds.api.Budget;
import org.partnerfinance.funds.api.FundAllocation;
import org.partnerfinance.funds.api.FundBalance;
import org.partnerfinance.funds.api.FundEvents;
import org.partnerfinance.funds.api.FundProgram;
import org.partnerfinance.funds.api.FundService;
import org.partnerfinance.funds.api.InsufficientFundsException;
import org.partnerfinance.funds.api.Reservation;
import org.partnerfinance.funds.api.ReservationStatus;
import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.AccountType;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceService;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The funds service on the {@code funds} persistence unit. Every change runs in one unit of work: the rows, the ledger
 * posting and the audit record; Event Admin hears of it after commit.
 */
@Component(service = FundService.class)
public class FundServiceImpl implements FundService {

    static final String UNIT = "funds";
    static final List<String> ENTITY_CLASSES = List.of(ProgramEntity.class.getName(), BudgetEntity.class.getName(),
            AllocationEntity.class.getName(), ReservationEntity.class.getName(), UtcInstantConverter.class.getName());

    /** Who maintains programmes, budgets and allocations and runs the expiry. */
    static final Role[] MANAGERS = {Role.FINANCE_MANAGER, Role.ADMINISTRATOR};
    /** Who reserves, releases, approves and marks paid (the platform holds every role). */
    static final Role[] OPERATORS = {Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER};
    /** Staff who read every partner's funds. */
    static final Role[] STAFF_READERS = {Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR};

    private static final Logger LOG = LoggerFactory.getLogger(FundServiceImpl.class);

    private final Jpa jpa;
    private final UnitOfWork unitOfWork;
    private final LedgerService ledger;
    private final AuditTrail audit;
    private final PartnerService partners;
    private final Clock clock;

    @Reference(name = "events", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    @Activate
    public FundServiceImpl(BundleContext context, @Reference(name = "persistence") PersistenceService persistence,
            @Reference(name = "unitOfWork") UnitOfWork unitOfWork, @Reference(name = "ledger") LedgerService ledger,
            @Reference(name = "audit") AuditTrail audit, @Reference(name = "partners") PartnerService partners) {
        this(persistence.open(new PersistenceUnitSpec(UNIT, context.getBundle(), ENTITY_CLASSES, "db/funds")),
                unitOfWork, ledger, audit, partners, Clock.systemDefaultZone());
    }

    FundServiceImpl(Jpa jpa, UnitOfWork unitOfWork, LedgerService ledger, AuditTrail audit, PartnerService partners,
            Clock clock) {
        this.jpa = jpa;
        this.unitOfWork = unitOfWork;
        this.ledger = ledger;
        this.audit = audit;
        this.partners = partners;
        this.clock = clock;
    }

    @Deactivate
    void deactivate() {
        jpa.close();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- programmes ---------------------------------------------------------------------------------------------

    @Override
    public List<FundProgram> programs(Caller caller) {
        String only = readScope(caller);
        return tx(em -> {
            List<ProgramEntity> rows = em.createQuery("SELECT p FROM ProgramEntity p ORDER BY p.id",
                    ProgramEntity.class).getResultList();
            if (only == null) {
                return rows.stream().map(FundServiceImpl::toProgram).toList();
            }
            Set<String> ids = new LinkedHashSet<>(em.createQuery("SELECT DISTINCT a.programId FROM AllocationEntity a "
                    + "WHERE a.partnerId = :partner", String.class).setParameter("partner", only).getResultList());
            return rows.stream().filter(p -> ids.contains(p.getId())).map(FundServiceImpl::toProgram).toList();
        });
    }

    @Override
    public Optional<FundProgram> program(Caller caller, String programId) {
        return programs(caller).stream().filter(p -> p.id().equals(programId)).findFirst();
    }

    @Override
    public FundProgram saveProgram(Caller caller, FundProgram program) {
        Access.requireAnyRole(caller, MANAGERS);
        String id = requireKey(program.id(), "Programme id");
        String name = requireText(program.name(), "Programme name", 200);
        for (String type : program.claimTypes()) {
            if (!type.matches("[a-z0-9][a-z0-9._-]{0,59}")) {
                throw new IllegalArgumentException("Claim type ids are lower-case letters, digits, '.', '_' or '-': "
                        + type);
            }
        }
        String account = program.expenseAccount().strip();
        Optional<Account> expense = ledger.accounts().stream().filter(a -> a.code().equals(account)).findFirst();
        if (expense.isEmpty() || expense.get().type() != AccountType.EXPENSE) {
            throw new IllegalArgumentException("The expense account " + account
                    + " is not an expense account of the chart of accounts.");
        }
        return unitOfWork.required(() -> tx(em -> {
            ProgramEntity row = em.find(ProgramEntity.class, id);
            String before = "";
            if (program.version() == 0) {
                if (row != null) {
                    throw new IllegalArgumentException("A programme with the id " + id + " exists already.");
                }
                row = new ProgramEntity();
                row.setId(id);
            } else {
                if (row == null) {
                    throw new IllegalArgumentException("Programme " + id + " is not known.");
                }
                requireVersion(row.getVersion(), program.version(), "Programme " + id);
                before = describe(row);
                if (!row.getCurrency().equals(program.currency().getCurrencyCode()) && !em.createQuery(
                        "SELECT b.id FROM BudgetEntity b WHERE b.programId = :id", Long.class)
                        .setParameter("id", id).setMaxResults(1).getResultList().isEmpty()) {
                    throw new IllegalArgumentException("Programme " + id + " has budgets in " + row.getCurrency()
                            + ": its currency cannot change.");
                }
            }
            row.setName(name);
            row.setClaimTypes(String.join(",", new java.util.TreeSet<>(program.claimTypes())));
            row.setCurrency(program.currency().getCurrencyCode());
            row.setExpenseAccount(account);
            row.setActive(program.active());
            if (program.version() == 0) {
                em.persist(row);
            }
            em.flush();
            audit(caller, program.version() == 0 ? "fund.program.created" : "fund.program.changed", "fund-program",
                    id, before, describe(row));
            publish(null, "program", program.version() == 0 ? "created" : "changed");
            return toProgram(row);
        }));
    }

    // ---- budgets ------------------------------------------------------------------------------------------------

    @Override
    public List<Budget> budgets(Caller caller, String programId) {
        Access.requireAnyRole(caller, STAFF_READERS);
        // Derby cannot compare a parameter with NULL: the query leaves out the filters it does not need
        return tx(em -> {
            var query = em.createQuery("SELECT b FROM BudgetEntity b" + (programId == null ? ""
                    : " WHERE b.programId = :program") + " ORDER BY b.startDate DESC, b.programId", BudgetEntity.class);
            if (programId != null) {
                query.setParameter("program", programId);
            }
            return query.getResultList().stream().map(FundServiceImpl::toBudget).toList();
        });
    }

    @Override
    public Budget saveBudget(Caller caller, Budget budget) {
        Access.requireAnyRole(caller, MANAGERS);
        String period = requireText(budget.period(), "Period", 40);
        if (budget.start() == null || budget.end() == null || budget.end().isBefore(budget.start())) {
            throw new IllegalArgumentException("A budget period needs a start and an end on or after the start.");
        }
        return unitOfWork.required(() -> tx(em -> {
            ProgramEntity program = em.find(ProgramEntity.class, budget.programId());
            if (program == null) {
                throw new IllegalArgumentException("Programme " + budget.programId() + " is not known.");
            }
            Money amount = requireAmount(budget.amount(), program.getCurrency(), "The budget");
            BudgetEntity row;
            String before = "";
            if (budget.id() == 0) {
                if (!program.isActive()) {
                    throw new IllegalArgumentException("Programme " + program.getId() + " is inactive.");
                }
                if (!em.createQuery("SELECT b.id FROM BudgetEntity b WHERE b.programId = :program AND b.period = :p",
                        Long.class).setParameter("program", program.getId()).setParameter("p", period)
                        .getResultList().isEmpty()) {
                    throw new IllegalArgumentException("Programme " + program.getId() + " has a budget for " + period
                            + " already.");
                }
                row = new BudgetEntity();
                row.setProgramId(program.getId());
                row.setCurrency(program.getCurrency());
                row.setAllocated(BigDecimal.ZERO);
            } else {
                row = em.find(BudgetEntity.class, budget.id());
                if (row == null || !row.getProgramId().equals(program.getId())) {
                    throw new IllegalArgumentException("Budget " + budget.id() + " is not known.");
                }
                requireVersion(row.getVersion(), budget.version(), "The budget " + row.getPeriod());
                before = describe(row);
                if (amount.amount().compareTo(row.getAllocated()) < 0) {
                    Money allocated = new Money(row.getAllocated(), amount.currency());
                    throw new InsufficientFundsException(allocated.format() + " of " + program.getName() + " "
                            + row.getPeriod() + " is allocated: the budget cannot be " + amount.format() + ".",
                            allocated, amount);
                }
            }
            row.setPeriod(period);
            row.setStartDate(budget.start());
            row.setEndDate(budget.end());
            row.setAmount(amount.amount());
            if (budget.id() == 0) {
                em.persist(row);
            }
            em.flush();
            audit(caller, budget.id() == 0 ? "fund.budget.created" : "fund.budget.changed", "fund-budget",
                    Long.toString(row.getId()), before, describe(row));
            publish(null, "budget", budget.id() == 0 ? "created" : "changed");
            return toBudget(row);
        }));
    }

    // ---- allocations --------------------------------------------------------------------------------------------

    @Override
    public List<FundAllocation> allocations(Caller caller, String programId, String partnerId) {
        String only = readScope(caller);
        if (only != null && partnerId != null && !partnerId.equals(only)) {
            return List.of();
        }
        String partner = only != null ? only : partnerId;
        return tx(em -> {
            List<String> where = new ArrayList<>();
            if (programId != null) {
                where.add("a.programId = :program");
            }
            if (partner != null) {
                where.add("a.partnerId = :partner");
            }
            var query = em.createQuery("SELECT a FROM AllocationEntity a"
                    + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                    + " ORDER BY a.programId, a.expiryDate DESC, a.partnerId", AllocationEntity.class);
            if (programId != null) {
                query.setParameter("program", programId);
            }
            if (partner != null) {
                query.setParameter("partner", partner);
            }
            return toAllocations(em, query.getResultList());
        });
    }

    @Override
    public Optional<FundAllocation> allocation(Caller caller, long allocationId) {
        String only = readScope(caller);
        return tx(em -> {
            AllocationEntity row = em.find(AllocationEntity.class, allocationId);
            if (row == null || only != null && !only.equals(row.getPartnerId())) {
                return Optional.empty();
            }
            return Optional.of(toAllocations(em, List.of(row)).get(0));
        });
    }

    @Override
    public FundAllocation allocate(Caller caller, long budgetId, String partnerId, Money amount,
            LocalDate expiryDate) {
        Access.requireAnyRole(caller, MANAGERS);
        if (partnerId == null || partnerId.isBlank()
                || partners.find(Caller.system(), partnerId.strip()).isEmpty()) {
            throw new IllegalArgumentException("Partner " + (partnerId == null ? "" : partnerId.strip())
                    + " is not known.");
        }
        String partner = partnerId.strip();
        if (expiryDate == null) {
            throw new IllegalArgumentException("Enter the expiry date.");
        }
        if (expiryDate.isBefore(today())) {
            throw new IllegalArgumentException("The expiry date " + expiryDate + " has passed.");
        }
        return unitOfWork.required(() -> tx(em -> {
            BudgetEntity budget = em.find(BudgetEntity.class, budgetId);
            if (budget == null) {
                throw new IllegalArgumentException("Budget " + budgetId + " is not known.");
            }
            ProgramEntity program = em.find(ProgramEntity.class, budget.getProgramId());
            if (!program.isActive()) {
                throw new IllegalArgumentException("Programme " + program.getId() + " is inactive.");
            }
            Money money = requireAmount(amount, program.getCurrency(), "The allocation");
            if (!em.createQuery("SELECT a.id FROM AllocationEntity a WHERE a.budgetId = :b AND a.partnerId = :p",
                    Long.class).setParameter("b", budgetId).setParameter("p", partner).getResultList().isEmpty()) {
                throw new IllegalArgumentException("Partner " + partner + " has an allocation of " + program.getName()
                        + " " + budget.getPeriod() + " already: change that one.");
            }
            takeFromBudget(program, budget, money);
            AllocationEntity row = new AllocationEntity();
            row.setBudgetId(budgetId);
            row.setProgramId(program.getId());
            row.setPartnerId(partner);
            row.setCurrency(program.getCurrency());
            write(row, new FundBalance(money, zero(money), zero(money), zero(money), zero(money)));
            row.setExpiryDate(expiryDate);
            row.setStatus(AllocationStatus.ACTIVE);
            row.setCreatedBy(caller.username());
            row.setCreatedAt(clock.instant());
            em.persist(row);
            em.flush();
            post(caller, program, row, money, true, today(), "Fund allocation " + program.getName() + " "
                    + budget.getPeriod() + " to " + partner);
            audit(caller, "fund.allocated", "fund-allocation", Long.toString(row.getId()), "", describe(row));
            publish(partner, "allocation", "allocated");
            return toAllocations(em, List.of(row)).get(0);
        }));
    }

    @Override
    public FundAllocation updateAllocation(Caller caller, long allocationId, long version, Money amount,
            LocalDate expiryDate) {
        Access.requireAnyRole(caller, MANAGERS);
        if (expiryDate == null) {
            throw new IllegalArgumentException("Enter the expiry date.");
        }
        return unitOfWork.required(() -> tx(em -> {
            AllocationEntity row = em.find(AllocationEntity.class, allocationId);
            if (row == null) {
                throw new IllegalArgumentException("Allocation " + allocationId + " is not known.");
            }
            requireVersion(row.getVersion(), version, "The allocation");
            if (row.getStatus() != AllocationStatus.ACTIVE) {
                throw new IllegalArgumentException("The allocation expired on " + row.getExpiryDate()
                        + ": it cannot be changed.");
            }
            if (!expiryDate.equals(row.getExpiryDate()) && expiryDate.isBefore(today())) {
                throw new IllegalArgumentException("The expiry date " + expiryDate + " has passed.");
            }
            ProgramEntity program = em.find(ProgramEntity.class, row.getProgramId());
            BudgetEntity budget = em.find(BudgetEntity.class, row.getBudgetId());
            Money money = requireAmount(amount, row.getCurrency(), "The allocation");
            String before = describe(row);
            FundBalance balance = balanceOf(row);
            FundBalance changed = FundRules.reallocate(balance, money);
            Money delta = money.minus(balance.allocated());
            if (delta.signum() > 0) {
                takeFromBudget(program, budget, delta);
            } else if (delta.signum() < 0) {
                budget.setAllocated(budget.getAllocated().add(delta.amount()));
            }
            write(row, changed);
            row.setExpiryDate(expiryDate);
            em.flush();
            if (!delta.isZero()) {
                post(caller, program, row, delta.signum() > 0 ? delta : delta.negate(), delta.signum() > 0, today(),
                        "Fund allocation " + program.getName() + " " + budget.getPeriod() + " to "
                                + row.getPartnerId() + " changed");
            }
            audit(caller, "fund.allocation.changed", "fund-allocation", Long.toString(row.getId()), before,
                    describe(row));
            publish(row.getPartnerId(), "allocation", "changed");
            return toAllocations(em, List.of(row)).get(0);
        }));
    }

    private static void takeFromBudget(ProgramEntity program, BudgetEntity budget, Money amount) {
        BigDecimal left = budget.getAmount().subtract(budget.getAllocated());
        if (amount.amount().compareTo(left) > 0) {
            Money available = new Money(left, amount.currency());
            throw new InsufficientFundsException(available.format() + " of the budget " + program.getName() + " "
                    + budget.getPeriod() + " is not allocated yet, " + amount.format() + " asked.", available, amount);
        }
        budget.setAllocated(budget.getAllocated().add(amount.amount()));
    }

    // ---- reservations -------------------------------------------------------------------------------------------

    @Override
    public Reservation reserve(Caller caller, long allocationId, String reference, Money amount) {
        Access.requireAnyRole(caller, OPERATORS);
        String ref = requireText(reference, "The reference", 100);
        return unitOfWork.required(() -> tx(em -> reserveIn(em, caller, em.find(AllocationEntity.class,
                allocationId), allocationId, ref, amount)));
    }

    @Override
    public Reservation reserveFor(Caller caller, String partnerId, String claimTypeId, String reference,
            Money amount) {
        Access.requireAnyRole(caller, OPERATORS);
        String ref = requireText(reference, "The reference", 100);
        FundRules.requirePositive(amount, "The amount to reserve");
        return unitOfWork.required(() -> tx(em -> {
            List<FundAllocation> candidates = usable(em, partnerId, claimTypeId, amount.currency());
            Optional<FundAllocation> fitting = candidates.stream()
                    .filter(a -> a.balance().available().compareTo(amount) >= 0).findFirst();
            if (fitting.isEmpty()) {
                throw shortOf(candidates, claimTypeId, amount);
            }
            return reserveIn(em, caller, em.find(AllocationEntity.class, fitting.get().id()), fitting.get().id(), ref,
                    amount);
        }));
    }

    /**
     * The partner's active, unexpired allocations in the currency of programmes that fund the claim type, the one
     * expiring first first: the order in which a claim draws on them.
     */
    List<FundAllocation> usable(EntityManager em, String partnerId, String claimTypeId, Currency currency) {
        Set<String> programs = em.createQuery("SELECT p FROM ProgramEntity p", ProgramEntity.class).getResultList()
                .stream().filter(p -> toProgram(p).funds(claimTypeId)).map(ProgramEntity::getId)
                .collect(Collectors.toSet());
        if (programs.isEmpty()) {
            return List.of();
        }
        List<AllocationEntity> rows = em.createQuery("SELECT a FROM AllocationEntity a WHERE a.partnerId = :partner "
                + "AND a.status = :status AND a.currency = :currency AND a.expiryDate >= :today "
                + "ORDER BY a.expiryDate, a.id", AllocationEntity.class).setParameter("partner", partnerId)
                .setParameter("status", AllocationStatus.ACTIVE).setParameter("currency", currency.getCurrencyCode())
                .setParameter("today", today()).getResultList();
        return toAllocations(em, rows.stream().filter(a -> programs.contains(a.getProgramId())).toList());
    }

    /** Whether any programme funds the claim type. */
    boolean anyProgramFunds(String claimTypeId) {
        return tx(em -> em.createQuery("SELECT p FROM ProgramEntity p", ProgramEntity.class).getResultList().stream()
                .anyMatch(p -> toProgram(p).funds(claimTypeId)));
    }

    /** What a claim type's usable allocations of a partner are (for the fund availability rule). */
    List<FundAllocation> usable(String partnerId, String claimTypeId, Currency currency) {
        return tx(em -> usable(em, partnerId, claimTypeId, currency));
    }

    /** The reservation of a reference, whoever asks (for the fund availability rule). */
    Optional<Reservation> reservationOf(String reference) {
        return tx(em -> findReservation(em, reference).map(FundServiceImpl::toReservation));
    }

    static InsufficientFundsException shortOf(List<FundAllocation> candidates, String claimTypeId, Money amount) {
        Optional<FundAllocation> best = candidates.stream()
                .max(Comparator.comparing(a -> a.balance().available().amount()));
        if (best.isEmpty()) {
            return new InsufficientFundsException("No funds are allocated to the partner for " + claimTypeId
                    + " claims in " + amount.currency().getCurrencyCode() + ", " + amount.format() + " asked.",
                    Money.zero(amount.currency()), amount);
        }
        Money available = best.get().balance().available();
        return new InsufficientFundsException(available.format() + " available in " + best.get().label() + ", "
                + amount.format() + " asked.", available, amount);
    }

    private Reservation reserveIn(EntityManager em, Caller caller, AllocationEntity row, long allocationId,
            String reference, Money amount) {
        if (row == null) {
            throw new IllegalArgumentException("Allocation " + allocationId + " is not known.");
        }
        if (findReservation(em, reference).isPresent()) {
            throw new IllegalArgumentException("The reference " + reference + " has a reservation already.");
        }
        String label = label(em, row);
        if (row.getStatus() != AllocationStatus.ACTIVE || row.getExpiryDate().isBefore(today())) {
            throw new InsufficientFundsException(label + " expired on " + row.getExpiryDate() + ".",
                    Money.zero(Money.currency(row.getCurrency())), amount);
        }
        Money money = requireAmount(amount, row.getCurrency(), "The reservation");
        FundBalance after = FundRules.reserve(balanceOf(row), money, label);
        write(row, after);
        ReservationEntity r = new ReservationEntity();
        r.setAllocationId(row.getId());
        r.setPartnerId(row.getPartnerId());
        r.setReference(reference);
        r.setCurrency(row.getCurrency());
        r.setReserved(money.amount());
        r.setApproved(BigDecimal.ZERO);
        r.setPaid(BigDecimal.ZERO);
        r.setStatus(ReservationStatus.RESERVED);
        r.setCreatedBy(caller.username());
        r.setUpdatedAt(clock.instant());
        em.persist(r);
        em.flush();
        audit(caller, "fund.reserved", "fund-allocation", Long.toString(row.getId()), "",
                money.format() + " reserved for " + reference + "; " + describe(row));
        publish(row.getPartnerId(), "reservation", "reserved");
        return toReservation(r);
    }

    @Override
    public Optional<Reservation> reservation(Caller caller, String reference) {
        String only = readScope(caller);
        return tx(em -> findReservation(em, reference)
                .filter(r -> only == null || only.equals(r.getPartnerId()))
                .map(FundServiceImpl::toReservation));
    }

    @Override
    public List<Reservation> reservations(Caller caller, long allocationId) {
        String only = readScope(caller);
        return tx(em -> em.createQuery("SELECT r FROM ReservationEntity r WHERE r.allocationId = :a ORDER BY r.id DESC",
                ReservationEntity.class).setParameter("a", allocationId).getResultList().stream()
                .filter(r -> only == null || only.equals(r.getPartnerId()))
                .map(FundServiceImpl::toReservation).toList());
    }

    @Override
    public Reservation release(Caller caller, String reference) {
        return change(caller, reference, ReservationStatus.RESERVED, "released", (row, r) -> {
            Money reserved = money(r.getReserved(), row);
            write(row, FundRules.release(balanceOf(row), reserved, expired(row)));
            r.setStatus(ReservationStatus.RELEASED);
            return expired(row) ? reserved.negate() : null;
        });
    }

    @Override
    public Reservation approve(Caller caller, String reference, Money approvedAmount) {
        return change(caller, reference, ReservationStatus.RESERVED, "approved", (row, r) -> {
            Money reserved = money(r.getReserved(), row);
            Money approved = requireAmount(approvedAmount, row.getCurrency(), "The approved amount", true);
            write(row, FundRules.approve(balanceOf(row), reserved, approved, expired(row)));
            r.setApproved(approved.amount());
            r.setStatus(ReservationStatus.APPROVED);
            // the approved amount leaves the commitment (the claim's accrual takes it over); on an expired allocation
            // the rest of the reservation is released with it
            return expired(row) ? reserved.negate() : approved.negate();
        });
    }

    @Override
    public Reservation markPaid(Caller caller, String reference, Money paidAmount) {
        return change(caller, reference, ReservationStatus.APPROVED, "paid", (row, r) -> {
            Money approved = money(r.getApproved(), row);
            Money paid = requireAmount(paidAmount, row.getCurrency(), "The paid amount", true);
            write(row, FundRules.pay(balanceOf(row), approved, paid, expired(row)));
            r.setPaid(paid.amount());
            r.setStatus(ReservationStatus.PAID);
            // what was approved but not paid becomes available again on an active allocation: it is committed again
            // (the approval had moved it out of the commitment); on an expired allocation it simply expires
            return expired(row) ? null : approved.minus(paid);
        });
    }

    /**
     * A reservation change. Returns how the commitment in the ledger changes: a positive amount is committed, a
     * negative one released, {@code null} or zero changes nothing. The commitment of an allocation is always what is
     * available plus what is reserved (on an expired allocation only what is reserved).
     */
    @FunctionalInterface
    private interface ReservationChange {
        Money apply(AllocationEntity allocation, ReservationEntity reservation);
    }

    private Reservation change(Caller caller, String reference, ReservationStatus from, String action,
            ReservationChange change) {
        Access.requireAnyRole(caller, OPERATORS);
        return unitOfWork.required(() -> tx(em -> {
            ReservationEntity r = findReservation(em, reference).orElseThrow(() ->
                    new IllegalArgumentException("The reference " + reference + " has no reservation."));
            if (r.getStatus() != from) {
                throw new IllegalStateException("The reservation of " + reference + " is "
                        + r.getStatus().name().toLowerCase() + ", it cannot be " + action + ".");
            }
            AllocationEntity row = em.find(AllocationEntity.class, r.getAllocationId());
            String before = describe(row);
            Money commitment = change.apply(row, r);
            r.setUpdatedAt(clock.instant());
            em.flush();
            if (commitment != null && !commitment.isZero()) {
                ProgramEntity program = em.find(ProgramEntity.class, row.getProgramId());
                post(caller, program, row, commitment.signum() > 0 ? commitment : commitment.negate(),
                        commitment.signum() > 0, today(), "Fund reservation " + reference + " " + action + " ("
                                + label(em, row) + ", " + row.getPartnerId() + ")");
            }
            audit(caller, "fund." + action, "fund-allocation", Long.toString(row.getId()), before,
                    reference + " " + action + "; " + describe(row));
            publish(row.getPartnerId(), "reservation", action);
            return toReservation(r);
        }));
    }

    private static boolean expired(AllocationEntity row) {
        return row.getStatus() == AllocationStatus.EXPIRED;
    }

    // ---- balances and expiry ------------------------------------------------------------------------------------

    @Override
    public List<FundBalance> balances(Caller caller, String programId, String partnerId) {
        Map<Currency, List<FundBalance>> byCurrency = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        for (FundAllocation a : allocations(caller, programId, partnerId)) {
            byCurrency.computeIfAbsent(a.balance().currency(), c -> new ArrayList<>()).add(a.balance());
        }
        List<FundBalance> sums = new ArrayList<>();
        byCurrency.forEach((currency, balances) -> sums.add(FundBalance.sum(currency, balances)));
        return sums;
    }

    @Override
    public List<FundAllocation> expire(Caller caller, LocalDate asOf) {
        Access.requireAnyRole(caller, MANAGERS);
        if (asOf == null) {
            throw new IllegalArgumentException("Choose the date to expire allocations as of.");
        }
        List<Long> due = tx(em -> em.createQuery("SELECT a.id FROM AllocationEntity a WHERE a.status = :status "
                + "AND a.expiryDate < :asOf ORDER BY a.id", Long.class)
                .setParameter("status", AllocationStatus.ACTIVE).setParameter("asOf", asOf).getResultList());
        List<FundAllocation> expired = new ArrayList<>();
        for (Long id : due) {
            try {
                expireOne(caller, id, asOf).ifPresent(expired::add);
            } catch (ConcurrentChangeException e) {
                // a reservation changed it at the same moment: the next run expires it
                LOG.info("Allocation {} changed while it expired; the next run expires it", id);
            }
        }
        if (!expired.isEmpty()) {
            LOG.info("{} fund allocations expired as of {}", expired.size(), asOf);
        }
        return expired;
    }

    private Optional<FundAllocation> expireOne(Caller caller, long id, LocalDate asOf) {
        return unitOfWork.required(() -> tx(em -> {
            AllocationEntity row = em.find(AllocationEntity.class, id);
            if (row.getStatus() != AllocationStatus.ACTIVE || !row.getExpiryDate().isBefore(asOf)) {
                return Optional.<FundAllocation>empty();
            }
            String before = describe(row);
            FundBalance balance = balanceOf(row);
            Money rest = balance.available();
            write(row, FundRules.expire(balance));
            row.setStatus(AllocationStatus.EXPIRED);
            em.flush();
            if (rest.signum() > 0) {
                ProgramEntity program = em.find(ProgramEntity.class, row.getProgramId());
                post(caller, program, row, rest, false, asOf, "Fund allocation " + label(em, row) + " of "
                        + row.getPartnerId() + " expired on " + row.getExpiryDate());
            }
            audit(caller, "fund.expired", "fund-allocation", Long.toString(row.getId()), before, describe(row));
            publish(row.getPartnerId(), "allocation", "expired");
            return Optional.of(toAllocations(em, List.of(row)).get(0));
        }));
    }

    // ---- ledger, audit, events ----------------------------------------------------------------------------------

    /**
     * Commits ({@code commit}: debit the programme's expense account, credit the fund liability for the partner) or
     * releases (the other way round) an amount of an allocation.
     */
    private void post(Caller caller, ProgramEntity program, AllocationEntity row, Money amount, boolean commit,
            LocalDate date, String description) {
        JournalLine expense = commit ? JournalLine.debit(program.getExpenseAccount(), amount, null)
                : JournalLine.credit(program.getExpenseAccount(), amount, null);
        JournalLine liability = commit ? JournalLine.credit(FUND_LIABILITY_ACCOUNT, amount, row.getPartnerId())
                : JournalLine.debit(FUND_LIABILITY_ACCOUNT, amount, row.getPartnerId());
        ledger.post(caller.isFinance() ? caller : Caller.system(), new JournalEntryDraft(date, description,
                "fund-allocation:" + row.getId(), List.of(expense, liability), JOURNAL));
    }

    private void audit(Caller caller, String action, String entityType, String id, String before, String after) {
        audit.append(new AuditEvent(caller.username(), action, entityType, id, before, after));
    }

    private void publish(String partnerId, String entity, String action) {
        unitOfWork.afterCommit(() -> {
            EventAdmin admin = events;
            if (admin != null) {
                Map<String, Object> props = new HashMap<>();
                if (partnerId != null) {
                    props.put(FundEvents.PARTNER, partnerId);
                }
                props.put(FundEvents.ENTITY, entity);
                props.put(FundEvents.ACTION, action);
                admin.postEvent(new Event(FundEvents.TOPIC, props));
            }
        });
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private <T> T tx(Function<EntityManager, T> work) {
        return jpa.tx(work);
    }

    /**
     * The partner a caller's reads are limited to: their own for partner users, {@code null} (every partner) for
     * staff.
     */
    static String readScope(Caller caller) {
        Access.requireCaller(caller);
        if (caller.isPartner()) {
            return caller.partnerId();
        }
        Access.requireAnyRole(caller, STAFF_READERS);
        return null;
    }

    private static void requireVersion(long actual, long expected, String what) {
        if (actual != expected) {
            throw new ConcurrentChangeException(what + " was changed by someone else meanwhile. Reload it and try "
                    + "again.", null);
        }
    }

    private static String requireKey(String value, String what) {
        String v = value == null ? "" : value.strip();
        if (!v.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,39}")) {
            throw new IllegalArgumentException(what + " has 1 to 40 letters, digits, '.', '_' or '-'.");
        }
        return v;
    }

    private static String requireText(String value, String what, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new IllegalArgumentException(what + " must have 1 to " + max + " characters.");
        }
        return v;
    }

    private static Money requireAmount(Money amount, String currency, String what) {
        return requireAmount(amount, currency, what, false);
    }

    private static Money requireAmount(Money amount, String currency, String what, boolean zeroAllowed) {
        if (amount == null || amount.signum() < 0 || !zeroAllowed && amount.signum() == 0) {
            throw new IllegalArgumentException(what + " must be " + (zeroAllowed ? "zero or more." : "more than zero."));
        }
        if (!amount.currency().getCurrencyCode().equals(currency)) {
            throw new IllegalArgumentException(what + " is in " + currency + ", not "
                    + amount.currency().getCurrencyCode() + ".");
        }
        return amount;
    }

    private static Optional<ReservationEntity> findReservation(EntityManager em, String reference) {
        return em.createQuery("SELECT r FROM ReservationEntity r WHERE r.reference = :ref", ReservationEntity.class)
                .setParameter("ref", reference == null ? "" : reference.strip()).getResultList().stream().findFirst();
    }

    private static Money zero(Money like) {
        return Money.zero(like.currency());
    }

    private static Money money(BigDecimal amount, AllocationEntity row) {
        return new Money(amount, Money.currency(row.getCurrency()));
    }

    static FundBalance balanceOf(AllocationEntity row) {
        return new FundBalance(money(row.getAllocated(), row), money(row.getReserved(), row),
                money(row.getApproved(), row), money(row.getPaid(), row), money(row.getExpired(), row));
    }

    private static void write(AllocationEntity row, FundBalance b) {
        if (!FundRules.consistent(b)) {
            throw new IllegalStateException("Fund buckets would become inconsistent: " + b);
        }
        row.setAllocated(b.allocated().amount());
        row.setReserved(b.reserved().amount());
        row.setApproved(b.approved().amount());
        row.setPaid(b.paid().amount());
        row.setExpired(b.expired().amount());
    }

    private static String label(EntityManager em, AllocationEntity row) {
        ProgramEntity program = em.find(ProgramEntity.class, row.getProgramId());
        BudgetEntity budget = em.find(BudgetEntity.class, row.getBudgetId());
        return program.getName() + " " + budget.getPeriod();
    }

    private static String describe(ProgramEntity p) {
        return "name=" + p.getName() + "; types=" + p.getClaimTypes() + "; currency=" + p.getCurrency()
                + "; account=" + p.getExpenseAccount() + "; active=" + p.isActive();
    }

    private static String describe(BudgetEntity b) {
        return "program=" + b.getProgramId() + "; period=" + b.getPeriod() + " " + b.getStartDate() + ".."
                + b.getEndDate() + "; amount=" + b.getAmount().toPlainString();
    }

    private static String describe(AllocationEntity a) {
        return "partner=" + a.getPartnerId() + "; budget=" + a.getBudgetId() + "; currency=" + a.getCurrency()
                + "; allocated=" + a.getAllocated().toPlainString() + "; reserved=" + a.getReserved().toPlainString()
                + "; approved=" + a.getApproved().toPlainString() + "; paid=" + a.getPaid().toPlainString()
                + "; expired=" + a.getExpired().toPlainString() + "; expiry=" + a.getExpiryDate() + "; status="
                + a.getStatus();
    }

    static FundProgram toProgram(ProgramEntity p) {
        Set<String> types = Arrays.stream(p.getClaimTypes().split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new FundProgram(p.getId(), p.getName(), types, Money.currency(p.getCurrency()), p.getExpenseAccount(),
                p.isActive(), p.getVersion());
    }

    static Budget toBudget(BudgetEntity b) {
        Currency c = Money.currency(b.getCurrency());
        return new Budget(b.getId(), b.getProgramId(), b.getPeriod(), b.getStartDate(), b.getEndDate(),
                new Money(b.getAmount(), c), new Money(b.getAllocated(), c), b.getVersion());
    }

    private List<FundAllocation> toAllocations(EntityManager em, List<AllocationEntity> rows) {
        Map<String, String> programNames = new HashMap<>();
        Map<Long, String> periods = new HashMap<>();
        List<FundAllocation> result = new ArrayList<>(rows.size());
        for (AllocationEntity a : rows) {
            String name = programNames.computeIfAbsent(a.getProgramId(),
                    id -> em.find(ProgramEntity.class, id).getName());
            String period = periods.computeIfAbsent(a.getBudgetId(),
                    id -> em.find(BudgetEntity.class, id).getPeriod());
            result.add(new FundAllocation(a.getId(), a.getProgramId(), name, a.getBudgetId(), period,
                    a.getPartnerId(), a.getExpiryDate(), a.getStatus(), balanceOf(a), a.getCreatedAt(),
                    a.getVersion()));
        }
        return result;
    }

    static Reservation toReservation(ReservationEntity r) {
        Currency c = Money.currency(r.getCurrency());
        return new Reservation(r.getId(), r.getAllocationId(), r.getPartnerId(), r.getReference(),
                new Money(r.getReserved(), c), new Money(r.getApproved(), c), new Money(r.getPaid(), c),
                r.getStatus(), r.getUpdatedAt(), r.getVersion());
    }
}
