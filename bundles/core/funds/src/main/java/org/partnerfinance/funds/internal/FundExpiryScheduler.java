package org.partnerfinance.funds.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.funds.api.FundService;
import org.partnerfinance.security.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link FundService#expire} as the platform on a schedule, as of today: an allocation expires on the first run
 * after its expiry date. Runs are idempotent (an expired allocation is not expired again), so a missed run only
 * delays the release.
 */
@Component(configurationPid = FundExpiryScheduler.PID, immediate = true)
@Designate(ocd = FundExpiryConfiguration.class)
public class FundExpiryScheduler {

    static final String PID = "org.partnerfinance.funds.expiry";

    private static final Logger LOG = LoggerFactory.getLogger(FundExpiryScheduler.class);

    private final FundService funds;
    private final Clock clock = Clock.systemDefaultZone();
    private final ScheduledExecutorService executor;

    @Activate
    public FundExpiryScheduler(FundExpiryConfiguration config, @Reference(name = "funds") FundService funds) {
        this.funds = funds;
        if (!config.enabled()) {
            executor = null;
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pf-funds-expiry");
            t.setDaemon(true);
            return t;
        });
        long interval = Math.max(1, config.interval_minutes());
        executor.scheduleWithFixedDelay(this::run, 1, interval, TimeUnit.MINUTES);
    }

    void run() {
        try {
            funds.expire(Caller.system(), LocalDate.now(clock));
        } catch (RuntimeException e) {
            LOG.error("The funds expiry run failed; the next run tries again", e);
        }
    }

    @Deactivate
    void deactivate() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
