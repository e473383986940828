package org.partnerfinance.widget.systemhealth.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.Verification;
import org.partnerfinance.extensions.api.ExtensionInfo;

/**
 * What the administrators' card shows, worked out from the services without any UI: the audit status and its badge,
 * the extensions and their state, recent failed sign-ins, and the alerts that follow from them.
 */
record SystemHealth(AuditState audit, Optional<Verification> lastVerification, List<Extension> extensions,
        List<SignInFailure> signInFailures, List<Alert> alerts) {

    /** Audit record action of a failed sign-in (written by the users bundle, with the source address). */
    static final String SIGNIN_FAILED = "user.signin-failed";
    /** Failed sign-ins within {@link #FAILURE_WINDOW} from which on they are an alert. */
    static final int FAILURE_ALERT_THRESHOLD = 5;
    static final Duration FAILURE_WINDOW = Duration.ofHours(24);
    /** How many of the newest failed sign-ins are read. */
    static final int FAILURES_READ = 50;

    /** The audit badge. */
    enum AuditState {
        INTACT("Audit trail intact", "success"),
        BROKEN("Audit trail BROKEN", "error"),
        NOT_VERIFIED("Not verified yet", "contrast"),
        UNAVAILABLE("Audit trail unavailable", "error");

        private final String label;
        private final String theme;

        AuditState(String label, String theme) {
            this.label = label;
            this.theme = theme;
        }

        String label() {
            return label;
        }

        /** Lumo badge theme names. */
        List<String> badgeTheme() {
            return List.of("badge", theme);
        }
    }

    enum Severity {
        ERROR, WARNING, INFO
    }

    record Alert(Severity severity, String text) {
    }

    /** One extension id with all its contributions. */
    record Extension(String id, String name, String kinds, boolean enabled) {
    }

    record SignInFailure(Instant at, String user, String details) {
    }

    /**
     * @param auditAvailable whether the audit trail service is there at all
     * @param last           the last verification on this node, if any
     * @param contributions  every extension contribution
     * @param failures       the newest failed sign-in records, newest first
     * @param now            the current time (for the failed sign-in window)
     */
    static SystemHealth of(boolean auditAvailable, Optional<Verification> last, List<ExtensionInfo> contributions,
            List<AuditRecord> failures, Instant now) {
        AuditState state = !auditAvailable ? AuditState.UNAVAILABLE
                : last.isEmpty() ? AuditState.NOT_VERIFIED
                : last.get().intact() ? AuditState.INTACT : AuditState.BROKEN;
        List<Alert> alerts = new ArrayList<>();
        switch (state) {
            case UNAVAILABLE -> alerts.add(new Alert(Severity.ERROR,
                    "The audit trail service is not available: changes cannot be audited (is the database reachable?)."));
            case BROKEN -> alerts.add(new Alert(Severity.ERROR, "Audit trail broken: " + last.get().message()));
            case NOT_VERIFIED -> alerts.add(new Alert(Severity.INFO,
                    "The audit trail has not been verified since the portal started; a scheduled verification runs "
                            + "shortly after start."));
            default -> {
            }
        }
        List<SignInFailure> signInFailures = failures.stream()
                .map(r -> new SignInFailure(r.at(), r.event().entityId(), details(r)))
                .toList();
        long lastDay = signInFailures.stream().filter(f -> !f.at().isBefore(now.minus(FAILURE_WINDOW))).count();
        if (lastDay >= FAILURE_ALERT_THRESHOLD) {
            alerts.add(new Alert(Severity.WARNING, (lastDay >= FAILURES_READ ? "At least " : "") + lastDay
                    + " failed sign-ins in the last 24 hours."));
        }
        return new SystemHealth(state, last, extensions(contributions), signInFailures, List.copyOf(alerts));
    }

    /** Contributions folded per extension id, in the registry's order. */
    static List<Extension> extensions(List<ExtensionInfo> contributions) {
        Map<String, List<ExtensionInfo>> byId = new LinkedHashMap<>();
        for (ExtensionInfo info : contributions) {
            byId.computeIfAbsent(info.id(), k -> new ArrayList<>()).add(info);
        }
        List<Extension> result = new ArrayList<>();
        byId.forEach((id, infos) -> {
            TreeSet<String> kinds = new TreeSet<>();
            infos.forEach(i -> kinds.add(i.kind().id()));
            result.add(new Extension(id, infos.get(0).name(), String.join(", ", kinds), infos.get(0).enabled()));
        });
        result.sort((a, b) -> a.id().compareTo(b.id()));
        return result;
    }

    /** What the record says about the attempt (e.g. the source address), as the users bundle wrote it. */
    private static String details(AuditRecord record) {
        String after = record.event().after();
        return after.isBlank() ? record.event().before() : after;
    }
}
