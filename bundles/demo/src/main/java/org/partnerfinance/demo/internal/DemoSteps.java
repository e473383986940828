package org.partnerfinance.demo.internal;

import java.util.Optional;

import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.AuditTrail;
import org.slf4j.Logger;

/**
 * The demo's seeding steps are remembered by their audit records (entity {@code demo/pf-demo}): a step whose record
 * exists is done in this database. Two components seed in parallel (partners, users and claims; the finance history);
 * whichever finishes last says the demo is complete.
 */
final class DemoSteps {

    static final String ENTITY_TYPE = "demo";
    static final String ENTITY_ID = "pf-demo";

    /** Logged once every part of the demo is in the database (tests and people starting bin/demo wait for it). */
    static final String COMPLETE = "Demo data is complete: sign in at the portal as one of the demo users";

    private DemoSteps() {
    }

    /** The audit record of a seeding step, if it happened in this database. */
    static Optional<AuditRecord> done(AuditTrail audit, String action) {
        return audit.forEntity(ENTITY_TYPE, ENTITY_ID).stream()
                .filter(r -> r.event().action().equals(action))
                .findFirst();
    }

    /**
     * Logs {@link #COMPLETE} when the sample claims and the finance history are both done. Each component calls it after
     * its own step committed, so the one that commits last sees both records (both may log it when they finish at the
     * same moment).
     */
    static void completeIfAllDone(AuditTrail audit, Logger log) {
        if (done(audit, DemoData.SAMPLE_CLAIMS).isPresent() && done(audit, DemoFinanceHistory.HISTORY).isPresent()) {
            log.info(COMPLETE);
        }
    }
}
