package org.partnerfinance.claims.internal;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ServiceLevelRun;
import org.partnerfinance.security.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the claims' service levels ({@link ClaimService#runServiceLevels}) on a schedule, on one thread of its own that
 * stops with the component. The service decides what is due from the instant it is given, so tests call it directly
 * with the instant they want instead of waiting for this schedule.
 */
@Component(immediate = true, service = {}, configurationPid = ServiceLevelSchedule.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ServiceLevelSchedule.Config.class)
public class ServiceLevelSchedule {

    static final String PID = "org.partnerfinance.claims.servicelevels";

    @ObjectClassDefinition(id = PID, name = "Partner Finance claim service levels",
            description = "How often reminders and escalations of approval steps are sent.")
    public @interface Config {
        @AttributeDefinition(name = "Interval (minutes)",
                description = "Minutes between two runs; 0 switches the reminders and escalations off.")
        int intervalMinutes() default 15;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ServiceLevelSchedule.class);

    private final ClaimService claims;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    @Activate
    public ServiceLevelSchedule(@Reference(name = "claims") ClaimService claims, Config config) {
        this.claims = claims;
        this.clock = Clock.systemUTC();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pf-claim-service-levels");
            t.setDaemon(true);
            return t;
        });
        long interval = config.intervalMinutes();
        if (interval > 0) {
            executor.scheduleWithFixedDelay(this::runNow, interval, interval, TimeUnit.MINUTES);
            LOG.info("Claim reminders and escalations are sent every {} minutes", interval);
        } else {
            LOG.warn("Claim reminders and escalations are switched off (intervalMinutes = {})", interval);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("The claim service-level run did not stop within 30 seconds");
        }
    }

    /** One run; never throws, so that a failed run does not cancel the schedule. */
    void runNow() {
        try {
            ServiceLevelRun run = claims.runServiceLevels(Caller.system(), clock.instant());
            if (run.reminders() + run.escalations() > 0) {
                LOG.info("Claim service levels: {} reminder(s), {} escalation(s) sent", run.reminders(),
                        run.escalations());
            }
        } catch (RuntimeException e) {
            LOG.error("The claim service-level run failed: {}", e.getMessage(), e);
        }
    }
}
