package org.partnerfinance.widget.systemhealth.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.audit.api.Verification;
import org.partnerfinance.extensions.api.ExtensionInfo;
import org.partnerfinance.extensions.api.ExtensionRegistry;
import org.partnerfinance.security.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The administrators' card: audit status with a badge, alerts, extensions and their state, failed sign-ins. */
final class SystemHealthCard extends VerticalLayout {

    private static final Logger LOG = LoggerFactory.getLogger(SystemHealthCard.class);
    private static final int FAILURES_SHOWN = 10;

    private final Caller caller;
    private final Supplier<Optional<AuditTrail>> audit;
    private final ExtensionRegistry registry;
    private final Clock clock;
    private final Div body = new Div();

    SystemHealthCard(Caller caller, Supplier<Optional<AuditTrail>> audit, ExtensionRegistry registry, Clock clock) {
        this.caller = caller;
        this.audit = audit;
        this.registry = registry;
        this.clock = clock;
        setId("widget-system-health-content");
        setPadding(false);
        body.setWidthFull();
        add(body);
        refresh();
    }

    void refresh() {
        body.removeAll();
        Optional<AuditTrail> trail = audit.get();
        Optional<Verification> last = Optional.empty();
        List<AuditRecord> failures = List.of();
        boolean available = trail.isPresent();
        if (available) {
            try {
                last = trail.get().lastVerification(caller);
                failures = trail.get().recentByAction(caller, SystemHealth.SIGNIN_FAILED, SystemHealth.FAILURES_READ);
            } catch (RuntimeException e) {
                LOG.warn("Reading the audit status failed", e);
                available = false;
            }
        }
        SystemHealth health = SystemHealth.of(available, last, registry.list(), failures, clock.instant());
        body.add(auditSection(health), alertsSection(health), extensionsSection(health), signInSection(health));
    }

    private Component auditSection(SystemHealth health) {
        Span badge = badge(health.audit().label(), health.audit().badgeTheme());
        badge.setId("widget-system-health-audit");
        HorizontalLayout row = new HorizontalLayout(badge);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        health.lastVerification().ifPresent(v -> row.add(small("Last verification " + when(v.at()) + ": " + v.checked()
                + " records, head signature " + v.headSignature().name().toLowerCase(Locale.ROOT))));
        if (health.audit() != SystemHealth.AuditState.UNAVAILABLE) {
            Button verify = new Button("Verify now", VaadinIcon.REFRESH.create(), e -> verifyNow());
            verify.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            verify.setId("widget-system-health-verify");
            row.add(verify);
        }
        VerticalLayout section = section("Audit trail", row);
        health.lastVerification().filter(v -> !v.intact()).ifPresent(v -> section.add(small(v.message())));
        return section;
    }

    private void verifyNow() {
        audit.get().ifPresent(trail -> {
            try {
                trail.verify(caller);
            } catch (RuntimeException e) {
                LOG.warn("Verification from the dashboard failed", e);
            }
        });
        refresh();
    }

    private Component alertsSection(SystemHealth health) {
        VerticalLayout section = section("Alerts");
        section.setId("widget-system-health-alerts");
        if (health.alerts().isEmpty()) {
            section.add(small("No alerts."));
        }
        for (SystemHealth.Alert alert : health.alerts()) {
            Span level = badge(alert.severity().name(), switch (alert.severity()) {
                case ERROR -> List.of("badge", "error");
                case WARNING -> List.of("badge", "contrast");
                case INFO -> List.of("badge");
            });
            HorizontalLayout row = new HorizontalLayout(level, small(alert.text()));
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            section.add(row);
        }
        return section;
    }

    private Component extensionsSection(SystemHealth health) {
        VerticalLayout section = section("Extensions");
        section.setId("widget-system-health-extensions");
        if (health.extensions().isEmpty()) {
            section.add(small("No extensions are installed."));
        }
        for (SystemHealth.Extension x : health.extensions()) {
            Span state = badge(x.enabled() ? "ON" : "OFF",
                    x.enabled() ? List.of("badge", "success") : List.of("badge", "contrast"));
            HorizontalLayout row = new HorizontalLayout(state, small(x.name() + " (" + x.id() + "): " + x.kinds()));
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            section.add(row);
        }
        return section;
    }

    private Component signInSection(SystemHealth health) {
        VerticalLayout section = section("Failed sign-ins");
        section.setId("widget-system-health-signin-failures");
        if (health.signInFailures().isEmpty()) {
            section.add(small("No failed sign-ins recorded."));
        }
        for (SystemHealth.SignInFailure f : health.signInFailures().stream().limit(FAILURES_SHOWN).toList()) {
            section.add(small(when(f.at()) + " · " + f.user() + (f.details().isBlank() ? "" : " · " + f.details())));
        }
        return section;
    }

    private static VerticalLayout section(String title, Component... content) {
        H4 heading = new H4();
        heading.setText(title);
        heading.getStyle().set("margin", "var(--lumo-space-s) 0 0 0");
        VerticalLayout section = new VerticalLayout(heading);
        section.setPadding(false);
        section.setSpacing(false);
        section.add(content);
        return section;
    }

    static Span badge(String text, List<String> theme) {
        Span badge = new Span();
        badge.setText(text);
        badge.getElement().getThemeList().addAll(theme);
        return badge;
    }

    static Span small(String text) {
        Span span = new Span();
        span.setText(text);
        span.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return span;
    }

    /** Minutes are precise enough for people; the audit record itself keeps the exact instant. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static String when(Instant at) {
        return WHEN.format(at);
    }
}
