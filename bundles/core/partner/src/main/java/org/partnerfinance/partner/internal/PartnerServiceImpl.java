package org.partnerfinance.partner.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.DunningContact;
import org.partnerfinance.partner.api.PartnerDetails;
import org.partnerfinance.partner.api.PostalAddress;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.PartnerValidationException;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceService;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.PartnerDirectory;
import org.partnerfinance.security.api.Role;

/**
 * Partner organisations on the {@code partner} persistence unit. Finance staff and administrators see every partner,
 * partner users their own; administrators and finance managers create partners. Also tells the user directory whether
 * a partner id exists ({@link PartnerDirectory}), so that no user is bound to an unknown partner.
 */
@Component(service = {PartnerService.class, PartnerDirectory.class})
public class PartnerServiceImpl implements PartnerService, PartnerDirectory {

    static final String UNIT = "partner";

    /** Ids per query of {@link #findAll}: well inside Derby's and PostgreSQL's limits for an IN list. */
    static final int FIND_ALL_CHUNK = 500;

    private final Jpa jpa;
    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;

    @Activate
    public PartnerServiceImpl(@Reference(name = "persistence") PersistenceService persistence,
            @Reference(name = "unitOfWork") UnitOfWork unitOfWork, @Reference(name = "audit") AuditTrail audit,
            BundleContext context) {
        this(persistence.open(new PersistenceUnitSpec(UNIT, context.getBundle(),
                List.of(PartnerEntity.class.getName()), "db/partner")), unitOfWork, audit);
    }

    PartnerServiceImpl(Jpa jpa, UnitOfWork unitOfWork, AuditTrail audit) {
        this.jpa = jpa;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
    }

    @Deactivate
    void deactivate() {
        jpa.close();
    }

    /** Existence only, no partner data: the user directory checks it before binding a user to the partner. */
    @Override
    public boolean exists(String partnerId) {
        if (partnerId == null || partnerId.isBlank()) {
            return false;
        }
        return jpa.tx(em -> em.find(PartnerEntity.class, partnerId) != null);
    }

    @Override
    public List<Partner> list(Caller caller) {
        if (caller != null && caller.isPartner()) {
            Access.requirePartnerRead(caller, caller.partnerId());
            return find(caller, caller.partnerId()).map(List::of).orElse(List.of());
        }
        Access.requireAnyRole(caller, Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR,
                Role.INTEGRATOR);
        return jpa.tx(em -> em.createQuery("SELECT p FROM PartnerEntity p ORDER BY p.name, p.id", PartnerEntity.class)
                .getResultList().stream().map(PartnerEntity::toPartner).toList());
    }

    /** Empty for an unknown partner and for another partner's id asked by a partner user. */
    @Override
    public Optional<Partner> find(Caller caller, String partnerId) {
        if (caller != null && caller.isPartner()) {
            Access.requirePartnerRead(caller, caller.partnerId());
            if (!caller.partnerId().equals(partnerId)) {
                return Optional.empty();
            }
        } else {
            // integrators read partners too: the documents they import belong to them
            Access.requireAnyRole(caller, Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR,
                    Role.INTEGRATOR);
        }
        if (partnerId == null) {
            return Optional.empty();
        }
        return jpa.tx(em -> Optional.ofNullable(em.find(PartnerEntity.class, partnerId)).map(PartnerEntity::toPartner));
    }

    /**
     * One query per {@link #FIND_ALL_CHUNK} ids, each fetching the allowed currencies with the partners (a plain
     * query would read them one partner at a time), all in one transaction.
     */
    @Override
    public Map<String, Partner> findAll(Caller caller, Collection<String> partnerIds) {
        if (partnerIds == null) {
            throw new IllegalArgumentException("partnerIds must not be null.");
        }
        LinkedHashSet<String> wanted = new LinkedHashSet<>();
        if (caller != null && caller.isPartner()) {
            Access.requirePartnerRead(caller, caller.partnerId());
            if (partnerIds.stream().anyMatch(caller.partnerId()::equals)) {
                wanted.add(caller.partnerId());
            }
        } else {
            Access.requireAnyRole(caller, Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR,
                    Role.INTEGRATOR);
            partnerIds.stream().filter(Objects::nonNull).forEach(wanted::add);
        }
        if (wanted.isEmpty()) {
            return Map.of();
        }
        List<String> ids = new ArrayList<>(wanted);
        Map<String, Partner> found = jpa.tx(em -> {
            Map<String, Partner> byId = new HashMap<>();
            for (int from = 0; from < ids.size(); from += FIND_ALL_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + FIND_ALL_CHUNK));
                for (PartnerEntity p : em.createQuery("SELECT DISTINCT p FROM PartnerEntity p "
                        + "LEFT JOIN FETCH p.allowedCurrencies WHERE p.id IN :ids", PartnerEntity.class)
                        .setParameter("ids", chunk).getResultList()) {
                    byId.put(p.getId(), p.toPartner());
                }
            }
            return byId;
        });
        Map<String, Partner> inOrder = new LinkedHashMap<>();
        for (String id : ids) {
            Partner p = found.get(id);
            if (p != null) {
                inOrder.put(id, p);
            }
        }
        return Collections.unmodifiableMap(inOrder);
    }

    /** A partner without identifiers, address or agreed terms: the master data can be completed later. */
    @Override
    public Partner create(Caller caller, String id, String name, PartnerKind kind, Currency defaultCurrency) {
        return create(caller, id, new PartnerDetails(name, kind, defaultCurrency,
                defaultCurrency == null ? Set.of() : Set.of(defaultCurrency), "", "", PostalAddress.EMPTY,
                Partner.DEFAULT_PAYMENT_TERMS_DAYS, DunningContact.NONE, true));
    }

    @Override
    public Partner setAllowedCurrencies(Caller caller, String partnerId, Set<Currency> currencies) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR, Role.FINANCE_MANAGER);
        if (currencies == null || currencies.isEmpty() || currencies.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("Choose at least one currency the partner may claim in.");
        }
        return unitOfWork.required(() -> {
            Partner[] beforeAndAfter = jpa.tx(em -> {
                PartnerEntity entity = partnerId == null ? null : em.find(PartnerEntity.class, partnerId);
                if (entity == null) {
                    throw new IllegalArgumentException("Partner " + partnerId + " is not known.");
                }
                Partner before = entity.toPartner();
                entity.allow(Set.copyOf(currencies));
                em.flush();
                return new Partner[] {before, entity.toPartner()};
            });
            audit.append(new AuditEvent(caller.username(), "partner.currencies-changed", "partner", partnerId,
                    "allowed currencies=" + beforeAndAfter[0].allowedCurrencyCodes(),
                    "allowed currencies=" + beforeAndAfter[1].allowedCurrencyCodes()));
            return beforeAndAfter[1];
        });
    }

    @Override
    public Partner create(Caller caller, String id, PartnerDetails details) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR, Role.FINANCE_MANAGER, Role.INTEGRATOR);
        String checkedId;
        try {
            checkedId = PartnerRules.checkId(id);
        } catch (IllegalArgumentException e) {
            throw new PartnerValidationException("id", e.getMessage());
        }
        PartnerDetails checked = PartnerRules.check(Objects.requireNonNull(details, "details"));
        return unitOfWork.required(() -> {
            Partner partner = jpa.tx(em -> {
                if (em.find(PartnerEntity.class, checkedId) != null) {
                    throw new PartnerValidationException("id", "A partner with id " + checkedId + " already exists.");
                }
                requireUniqueIdentifiers(em, checkedId, checked);
                PartnerEntity entity = new PartnerEntity(checkedId, checked.name(), checked.kind(),
                        checked.defaultCurrency());
                entity.apply(checked);
                em.persist(entity);
                em.flush();
                return entity.toPartner();
            });
            audit.append(new AuditEvent(caller.username(), "partner.created", "partner", partner.id(), "",
                    describe(partner)));
            return partner;
        });
    }

    @Override
    public Partner update(Caller caller, String partnerId, long expectedVersion, PartnerDetails details) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR, Role.FINANCE_MANAGER);
        PartnerDetails checked = PartnerRules.check(Objects.requireNonNull(details, "details"));
        return unitOfWork.required(() -> {
            Partner[] beforeAndAfter = jpa.tx(em -> {
                PartnerEntity entity = partnerId == null ? null : em.find(PartnerEntity.class, partnerId);
                if (entity == null) {
                    throw new PartnerValidationException("id", "Partner " + partnerId + " is not known.");
                }
                if (entity.getVersion() != expectedVersion) {
                    throw new ConcurrentChangeException("Partner " + partnerId
                            + " was changed by someone else meanwhile. Reload it and make your change again.", null);
                }
                requireUniqueIdentifiers(em, partnerId, checked);
                Partner before = entity.toPartner();
                entity.apply(checked);
                em.flush();
                return new Partner[] {before, entity.toPartner()};
            });
            audit.append(new AuditEvent(caller.username(), "partner.updated", "partner", partnerId,
                    describe(beforeAndAfter[0]), describe(beforeAndAfter[1])));
            return beforeAndAfter[1];
        });
    }

    @Override
    public Optional<Partner> findByIdentifier(Caller caller, String peppolIdOrVatId) {
        Access.requireCaller(caller);
        if (peppolIdOrVatId == null || peppolIdOrVatId.isBlank()) {
            return Optional.empty();
        }
        String peppolKey = PartnerRules.peppolKey(peppolIdOrVatId);
        String vatKey = PartnerRules.vatKey(peppolIdOrVatId);
        Optional<String> id = jpa.tx(em -> em.createQuery(
                        "SELECT p.id FROM PartnerEntity p WHERE p.peppolKey = :peppol OR p.vatKey = :vat ORDER BY p.id",
                        String.class)
                .setParameter("peppol", peppolKey).setParameter("vat", vatKey).setMaxResults(1)
                .getResultList().stream().findFirst());
        return id.flatMap(found -> find(caller, found));
    }

    /** A VAT or Peppol id names one partner only: connectors find a document's partner by it. */
    private static void requireUniqueIdentifiers(jakarta.persistence.EntityManager em, String partnerId,
            PartnerDetails d) {
        if (!d.vatId().isEmpty()) {
            em.createQuery("SELECT p.id FROM PartnerEntity p WHERE p.vatKey = :key AND p.id <> :id", String.class)
                    .setParameter("key", PartnerRules.vatKey(d.vatId())).setParameter("id", partnerId)
                    .getResultList().stream().findFirst().ifPresent(other -> {
                        throw new PartnerValidationException("vatId", "Partner " + other + " already has VAT id "
                                + d.vatId() + ".");
                    });
        }
        if (!d.peppolId().isEmpty()) {
            em.createQuery("SELECT p.id FROM PartnerEntity p WHERE p.peppolKey = :key AND p.id <> :id", String.class)
                    .setParameter("key", PartnerRules.peppolKey(d.peppolId())).setParameter("id", partnerId)
                    .getResultList().stream().findFirst().ifPresent(other -> {
                        throw new PartnerValidationException("peppolId", "Partner " + other + " already has Peppol id "
                                + d.peppolId() + ".");
                    });
        }
    }

    private static String describe(Partner p) {
        return "name=" + p.name() + "; kind=" + p.kind() + "; currency=" + p.defaultCurrency().getCurrencyCode()
                + "; allowed currencies=" + p.allowedCurrencyCodes() + "; active=" + p.active() + "; vatId="
                + p.vatId() + "; peppolId=" + p.peppolId() + "; terms=" + p.paymentTermsDays() + "; address="
                + String.join(", ", p.address().street(), p.address().postalCode(), p.address().city(),
                        p.address().countryCode())
                + "; dunning=" + String.join(", ", p.dunningContact().name(), p.dunningContact().email(),
                        p.dunningContact().phone())
                + "; bank account=" + String.join(", ", p.bankAccount().iban(), p.bankAccount().bic(),
                        p.bankAccount().holder());
    }
}
