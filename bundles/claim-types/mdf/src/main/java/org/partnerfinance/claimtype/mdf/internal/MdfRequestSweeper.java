package org.partnerfinance.claimtype.mdf.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.claimtype.mdf.api.MdfRequestSweep;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.funds.api.FundService;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes approved MDF requests that will not be claimed any more ({@link MdfRules#sweepReason}) and so releases their
 * funds, on a schedule of its own thread ({@code release.interval.minutes}) as the claims core runs its service
 * levels. {@link #closeOverdue} decides from the day it is given: the schedule passes today by its clock, tests pass
 * the day they want.
 *
 * <p>Unlike the claim types, it binds the claims service: it is no claim type, so the claims service does not
 * activate it while binding its types, and there is no cycle.
 */
@Component(immediate = true, configurationPid = MdfConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class MdfRequestSweeper implements MdfRequestSweep {

    private static final Logger LOG = LoggerFactory.getLogger(MdfRequestSweeper.class);

    private final ClaimService claims;
    private final FundService funds;
    private final int graceDays;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    @Activate
    public MdfRequestSweeper(@Reference(name = "claims") ClaimService claims,
            @Reference(name = "funds") FundService funds, MdfConfiguration config) {
        this(claims, funds, config.grace_days(), Clock.systemDefaultZone());
        long interval = config.release_interval_minutes();
        if (interval > 0) {
            executor.scheduleWithFixedDelay(this::runNow, interval, interval, TimeUnit.MINUTES);
            LOG.info("MDF requests whose window passed are closed every {} minutes", interval);
        } else {
            LOG.warn("MDF requests whose window passed are not closed automatically (release.interval.minutes = {})",
                    interval);
        }
    }

    MdfRequestSweeper(ClaimService claims, FundService funds, int graceDays, Clock clock) {
        this.claims = claims;
        this.funds = funds;
        this.graceDays = graceDays;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pf-mdf-request-sweep");
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("The MDF request sweep did not stop within 30 seconds");
        }
    }

    /** One scheduled run for today by the clock; never throws, so that a failed run does not cancel the schedule. */
    void runNow() {
        try {
            List<Claim> closed = closeOverdue(Caller.system(), LocalDate.now(clock));
            if (!closed.isEmpty()) {
                LOG.info("MDF requests closed and their funds released: {}",
                        closed.stream().map(Claim::reference).toList());
            }
        } catch (RuntimeException e) {
            LOG.error("The MDF request sweep failed: {}", e.getMessage(), e);
        }
    }

    @Override
    public List<Claim> closeOverdue(Caller caller, LocalDate today) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR);
        if (today == null) {
            throw new IllegalArgumentException("The day of the run is required.");
        }
        // the platform reads and closes: the rule is the platform's, whoever starts the run
        Caller system = Caller.system();
        List<Claim> requests = claims.inStatus(system, ClaimStatus.APPROVED).stream()
                .filter(c -> c.typeId().equals(MdfRules.REQUEST_TYPE)).toList();
        Map<String, List<Claim>> partnerClaims = new HashMap<>();
        List<Claim> closed = new ArrayList<>();
        for (Claim request : requests) {
            List<Claim> ofPartner = partnerClaims.computeIfAbsent(request.partnerId(),
                    p -> claims.listForPartner(system, p));
            String reason = MdfRules.sweepReason(request, funds.reservation(system, request.reference()), ofPartner,
                    today, graceDays).orElse(null);
            if (reason == null) {
                continue;
            }
            try {
                closed.add(claims.close(system, request.id(), request.version(), reason));
            } catch (RuntimeException e) {
                // e.g. the partner acted on it meanwhile: this request waits for the next run, the others go on
                LOG.warn("MDF request {} could not be closed; the next run tries again: {}", request.reference(),
                        e.getMessage(), e);
            }
        }
        return closed;
    }
}
