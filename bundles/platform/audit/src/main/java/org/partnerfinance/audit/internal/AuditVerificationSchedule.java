package org.partnerfinance.audit.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.audit.api.Verification;
import org.partnerfinance.security.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the whole audit trail on a schedule (configuration {@link AuditConfiguration}), on one thread of its own
 * that stops with the component. Each result becomes the trail's {@link AuditTrail#lastVerification last
 * verification}, which the administrators' dashboard shows; a break is logged as an ERROR.
 */
@Component(immediate = true, service = {}, configurationPid = AuditConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class AuditVerificationSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(AuditVerificationSchedule.class);

    private final AuditTrail audit;
    private final ScheduledExecutorService executor;

    @Activate
    public AuditVerificationSchedule(@Reference(name = "audit") AuditTrail audit, AuditConfiguration config) {
        this.audit = audit;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pf-audit-verification");
            t.setDaemon(true);
            return t;
        });
        long interval = config.verifyIntervalMinutes();
        if (interval > 0) {
            executor.scheduleWithFixedDelay(this::verifyNow, Math.max(0, config.firstVerifyDelaySeconds()),
                    TimeUnit.MINUTES.toSeconds(interval), TimeUnit.SECONDS);
            LOG.info("The audit trail is verified every {} minutes, first in {} seconds", interval,
                    Math.max(0, config.firstVerifyDelaySeconds()));
        } else {
            LOG.warn("Scheduled verification of the audit trail is switched off (verifyIntervalMinutes = {})",
                    interval);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("The audit verification did not stop within 30 seconds");
        }
    }

    /** One verification; never throws, so that a failed run does not cancel the schedule. */
    void verifyNow() {
        try {
            Verification v = audit.verify(Caller.system());
            if (v.intact()) {
                LOG.info("Scheduled audit verification: {}", v.message());
            } else {
                LOG.error("Scheduled audit verification found the audit trail BROKEN: {}", v.message());
            }
        } catch (RuntimeException e) {
            LOG.error("Scheduled audit verification could not run: {}", e.getMessage(), e);
        }
    }
}
