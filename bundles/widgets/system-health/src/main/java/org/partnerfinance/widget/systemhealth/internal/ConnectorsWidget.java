package org.partnerfinance.widget.systemhealth.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.connectors.api.ImportRun;
import org.partnerfinance.connectors.api.ImportService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.ExtensionInfo;
import org.partnerfinance.extensions.api.ExtensionKind;
import org.partnerfinance.extensions.api.ExtensionRegistry;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.DashboardWidget;
import org.partnerfinance.ui.api.Order;
import org.partnerfinance.ui.api.Roles;
import org.partnerfinance.ui.api.ScreenContext;
import org.partnerfinance.ui.api.Title;
import org.partnerfinance.ui.api.WidgetId;

import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * Dashboard card "Connectors" for integrators: installed connectors, their state and their last run (from the import
 * service's record of runs).
 */
@Component(service = DashboardWidget.class, property = {
        ExtensionConstants.EXTENSION_ID + "=widget.connectors",
        ExtensionConstants.EXTENSION_KIND + "=widget",
        ExtensionConstants.EXTENSION_NAME + "=Connectors widget",
        ExtensionConstants.EXTENSION_DETAIL + "=Dashboard card: installed connectors and their runs" })
@WidgetId("connectors")
@Title("Connectors")
@Order(10)
@Roles({ Role.INTEGRATOR })
public class ConnectorsWidget implements DashboardWidget {

    static final String EMPTY = "No connectors installed yet. Deploy a connector bundle (ERP, bank or e-invoicing) "
            + "and configure it in etc/; it appears here with its state and its runs.";
    static final String NO_RUNS = "No runs yet.";

    @Reference
    private ExtensionRegistry registry;

    @Reference
    private ImportService imports;

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return card(registry.list(), id -> imports.recent(context.caller(), id, 1).stream().findFirst()
                .map(ConnectorsWidget::lastRun).orElse(NO_RUNS));
    }

    /** e.g. {@code Last run 17 (completed): 3 created, 0 duplicates, 1 rejected, 2026-12-02T11:04:00Z}. */
    static String lastRun(ImportRun run) {
        long rejected = run.documents() - run.created() - run.duplicates();
        return "Last run " + run.id() + " (" + run.status().name().toLowerCase(java.util.Locale.ROOT) + "): "
                + run.created() + " created, " + run.duplicates() + " duplicates, " + rejected + " rejected, "
                + run.startedAt() + (run.failure() == null ? "" : ". " + run.failure());
    }

    static List<ExtensionInfo> connectors(List<ExtensionInfo> all) {
        return all.stream().filter(i -> i.kind() == ExtensionKind.CONNECTOR).toList();
    }

    static VerticalLayout card(List<ExtensionInfo> all, java.util.function.Function<String, String> lastRun) {
        VerticalLayout card = new VerticalLayout();
        card.setId("widget-connectors-content");
        card.setPadding(false);
        List<ExtensionInfo> connectors = connectors(all);
        if (connectors.isEmpty()) {
            var empty = SystemHealthCard.small(EMPTY);
            empty.setId("widget-connectors-empty");
            card.add(empty);
            return card;
        }
        for (ExtensionInfo c : connectors) {
            HorizontalLayout row = new HorizontalLayout(
                    SystemHealthCard.badge(c.enabled() ? "ON" : "OFF",
                            c.enabled() ? List.of("badge", "success") : List.of("badge", "contrast")),
                    SystemHealthCard.small(c.name() + " (" + c.id() + ")" + (c.detail() == null || c.detail().isBlank()
                            ? "" : ": " + c.detail())));
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            card.add(row, SystemHealthCard.small(c.bundle()), SystemHealthCard.small(lastRun.apply(c.id())));
        }
        return card;
    }
}
