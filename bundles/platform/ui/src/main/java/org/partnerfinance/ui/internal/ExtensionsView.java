package org.partnerfinance.ui.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.partnerfinance.extensions.api.ExtensionInfo;
import org.partnerfinance.extensions.api.ExtensionKind;
import org.partnerfinance.extensions.api.ExtensionRegistry;
import org.partnerfinance.extensions.api.FeatureToggles;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.ui.api.ScreenContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * Lists installed extension contributions of some kinds, one section per kind, with their status and, for
 * administrators, a switch. Rebuilt whenever extensions come, go or are switched (by anyone, in any browser or the
 * Karaf shell).
 */
final class ExtensionsView extends VerticalLayout implements LiveContent {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ExtensionsView.class);

    private final transient ExtensionRegistry registry;
    private final transient FeatureToggles toggles;
    private final transient ScreenContext context;
    private final VerticalLayout sections = new VerticalLayout();
    private final List<ExtensionKind> kinds;
    private final boolean switches;

    /** The administrators' view: every kind, with switches. */
    static ExtensionsView all(ExtensionRegistry registry, FeatureToggles toggles, ScreenContext context) {
        return new ExtensionsView(registry, toggles, context, "extensions", "Extensions",
                "Everything installed extensions contribute, by kind. Switching an extension off removes all of its "
                        + "contributions at once, in every open browser; the choice survives restarts.",
                List.of(ExtensionKind.values()), true);
    }

    /** The integrators' view: installed connectors, read only (switching them is for administrators). */
    static ExtensionsView connectors(ExtensionRegistry registry, FeatureToggles toggles, ScreenContext context) {
        return new ExtensionsView(registry, toggles, context, "connectors", "Connectors",
                "ERP, bank and e-invoicing connectors installed in this portal. Deploy a connector with "
                        + "feature:install in the Karaf console or by dropping its bundle into deploy/; configure each "
                        + "instance in etc/<connector pid>-<name>.cfg. Administrators switch connectors on and off "
                        + "under Extensions.",
                List.of(ExtensionKind.CONNECTOR), false);
    }

    private ExtensionsView(ExtensionRegistry registry, FeatureToggles toggles, ScreenContext context, String id,
            String title, String explanation, List<ExtensionKind> kinds, boolean switches) {
        this.registry = registry;
        this.toggles = toggles;
        this.context = context;
        this.kinds = List.copyOf(kinds);
        this.switches = switches;
        setPadding(false);
        setId(id);
        sections.setPadding(false);
        add(new H2(title), new Paragraph(explanation), sections);
        refresh();
    }

    @Override
    public void refresh() {
        sections.removeAll();
        Map<ExtensionKind, List<ExtensionInfo>> byKind = new EnumMap<>(ExtensionKind.class);
        for (ExtensionInfo info : registry.list()) {
            byKind.computeIfAbsent(info.kind(), k -> new ArrayList<>()).add(info);
        }
        for (ExtensionKind kind : kinds) {
            List<ExtensionInfo> infos = byKind.getOrDefault(kind, List.of());
            H3 heading = new H3(kind.label() + " (" + infos.size() + ")");
            heading.getStyle().set("margin-bottom", "0");
            sections.add(heading);
            if (infos.isEmpty()) {
                Paragraph none = new Paragraph("None installed.");
                none.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
                sections.add(none);
            } else {
                sections.add(grid(kind, infos));
            }
        }
    }

    private Grid<ExtensionInfo> grid(ExtensionKind kind, List<ExtensionInfo> infos) {
        Grid<ExtensionInfo> grid = new Grid<>();
        grid.setId("extensions-" + kind.id());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ExtensionInfo::id).setHeader("Id").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ExtensionInfo::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(ExtensionInfo::detail).setHeader("Contributes").setAutoWidth(true).setFlexGrow(2);
        grid.addColumn(ExtensionInfo::bundle).setHeader("Bundle").setFlexGrow(1).setTooltipGenerator(ExtensionInfo::bundle);
        grid.addComponentColumn(info -> badge(info.enabled())).setHeader("Status").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.CENTER);
        if (switches) {
            grid.addComponentColumn(this::switchButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(infos);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        return grid;
    }

    /** ON as a green Lumo badge, OFF as a red one (the badge styles are part of the production bundle's Lumo theme). */
    static Span badge(boolean enabled) {
        Span badge = new Span(enabled ? "ON" : "OFF");
        badge.getElement().setAttribute("data-status", enabled ? "on" : "off");
        badge.getElement().getThemeList().add("badge");
        badge.getElement().getThemeList().add(enabled ? "success" : "error");
        return badge;
    }

    private Component switchButton(ExtensionInfo info) {
        boolean target = !info.enabled();
        Button button = new Button(target ? "Switch on" : "Switch off", e -> change(info, target));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, target ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_ERROR);
        button.getElement().setAttribute("data-extension", info.id());
        return button;
    }

    private void change(ExtensionInfo info, boolean enabled) {
        try {
            toggles.setEnabled(context.caller(), info.id(), enabled);
            LOG.info("{} switched extension '{}' {}", context.caller().username(), info.id(), enabled ? "on" : "off");
            context.notify(info.name() + " is switched " + (enabled ? "on" : "off") + ".", false);
        } catch (AccessDeniedException e) {
            context.notify(e.getMessage(), true);
        }
        refresh();
    }
}
