package org.partnerfinance.claims.settlement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.claims.settlement.api.SettlementOutcome;
import org.partnerfinance.claims.settlement.api.SettlementService;
import org.partnerfinance.documents.api.DocumentEvents;
import org.partnerfinance.security.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles claims without anyone at the screen: when the documents core announces a bank-confirmed payment, the claim it
 * pays becomes PAID; on a schedule, credit notes that are due are issued (and confirmations whose event was missed are
 * caught up). The work runs on a thread of its own, never on Event Admin's delivery thread (a slow handler would be
 * blacklisted there).
 */
@Component(service = EventHandler.class, immediate = true, configurationPid = SettlementConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = {
            EventConstants.EVENT_TOPIC + "=" + DocumentEvents.TOPIC,
            EventConstants.EVENT_FILTER + "=(&(" + DocumentEvents.ENTITY + "=payment)(" + DocumentEvents.ACTION
                    + "=payment.confirmed))" })
@Designate(ocd = SettlementConfiguration.class)
public class SettlementRunner implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SettlementRunner.class);

    private final SettlementService settlements;
    private final ScheduledExecutorService executor;
    private final Clock clock = Clock.systemDefaultZone();

    @Activate
    public SettlementRunner(@Reference(name = "settlements") SettlementService settlements,
            SettlementConfiguration config) {
        this.settlements = settlements;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pf-claims-settlement");
            t.setDaemon(true);
            return t;
        });
        long interval = config.run_interval_minutes();
        if (interval > 0) {
            executor.scheduleWithFixedDelay(this::runDue, Math.max(0, config.first_run_delay_seconds()),
                    TimeUnit.MINUTES.toSeconds(interval), TimeUnit.SECONDS);
        } else {
            LOG.info("Scheduled claim settlement is switched off (run.interval.minutes = {})", interval);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("The claims settlement run did not stop within 30 seconds");
        }
    }

    @Override
    public void handleEvent(Event event) {
        if (!(event.getProperty(DocumentEvents.ID) instanceof Long paymentId)) {
            return;
        }
        try {
            executor.execute(() -> paymentConfirmed(paymentId));
        } catch (RejectedExecutionException e) {
            LOG.info("Payment {} was confirmed while claims settlement stopped; the next run settles its claim",
                    paymentId);
        }
    }

    private void paymentConfirmed(long paymentId) {
        try {
            settlements.paymentConfirmed(Caller.system(), paymentId)
                    .ifPresent(c -> LOG.info("Claim {} is paid: the bank confirmed payment {}", c.reference(),
                            paymentId));
        } catch (RuntimeException e) {
            LOG.warn("Claim paid by payment {} could not be settled now ({}); the next run retries", paymentId,
                    e.getMessage(), e);
        }
    }

    /** One run; never throws, so that a failed run does not cancel the schedule. */
    void runDue() {
        try {
            List<SettlementOutcome> outcomes = settlements.runDue(Caller.system(), LocalDate.now(clock));
            for (SettlementOutcome o : outcomes) {
                if (o.succeeded()) {
                    LOG.info("Scheduled settlement: {}", o.message());
                } else {
                    LOG.warn("Scheduled settlement failed: {}", o.message());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Scheduled claims settlement could not run: {}", e.getMessage(), e);
        }
    }
}
