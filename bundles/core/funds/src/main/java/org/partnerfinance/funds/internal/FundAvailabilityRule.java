package org.partnerfinance.funds.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceRule;
import org.partnerfinance.claims.api.ComplianceSubject;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.funds.api.FundService;
import org.partnerfinance.funds.api.Reservation;
import org.partnerfinance.security.api.Caller;

/**
 * The "fund availability" compliance rule ({@link FundAvailability}). It applies to every claim type: which types
 * need funds is data (the claim types a programme funds), so finance changes it without a configuration file; a
 * type that no programme funds passes. Reads as the platform: the claims core has already checked that the caller
 * acts for the claim's partner.
 */
@Component(service = ComplianceRule.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + FundAvailability.RULE_ID,
        ExtensionConstants.EXTENSION_KIND + "=compliance-rule",
        ExtensionConstants.EXTENSION_NAME + "=Fund availability",
        ExtensionConstants.EXTENSION_DETAIL + "=Claims of a funded type need enough available funds" })
public class FundAvailabilityRule implements ComplianceRule {

    private final FundService funds;
    private final Clock clock;

    @Activate
    public FundAvailabilityRule(@Reference(name = "funds") FundService funds) {
        this(funds, Clock.systemDefaultZone());
    }

    FundAvailabilityRule(FundService funds, Clock clock) {
        this.funds = funds;
        this.clock = clock;
    }

    @Override
    public String id() {
        return FundAvailability.RULE_ID;
    }

    @Override
    public ComplianceFinding check(ComplianceSubject subject) {
        Caller system = Caller.system();
        String partner = subject.draft().partnerId();
        String drawsOn = subject.draft().fields().get(FundService.RESERVATION_FIELD);
        if (drawsOn != null && !drawsOn.isBlank()) {
            return FundAvailability.drawing(subject.draft(), drawsOn.strip(),
                    funds.reservation(system, drawsOn.strip()));
        }
        Optional<Reservation> own = subject.claimId() == null ? Optional.empty()
                : funds.reservation(system, FundService.claimReference(subject.claimId()));
        return FundAvailability.check(subject.draft(), funds.programs(system),
                partner == null ? java.util.List.of() : funds.allocations(system, null, partner), own,
                LocalDate.now(clock));
    }
}
