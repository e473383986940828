package org.partnerfinance.widget.systemhealth.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
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
 * Dashboard card "Connectors" for integrators: installed connectors and their state. Connector runs are not recorded
 * by the core yet, so the card says so instead of inventing a last run.
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
    static final String NO_RUNS = "Runs: none recorded yet (connector runs are not recorded by this version).";

    @Reference
    private ExtensionRegistry registry;

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return card(registry.list());
    }

    static List<ExtensionInfo> connectors(List<ExtensionInfo> all) {
        return all.stream().filter(i -> i.kind() == ExtensionKind.CONNECTOR).toList();
    }

    static VerticalLayout card(List<ExtensionInfo> all) {
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
            card.add(row, SystemHealthCard.small(c.bundle()), SystemHealthCard.small(NO_RUNS));
        }
        return card;
    }
}
