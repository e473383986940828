package org.partnerfinance.ui.internal;

import java.util.List;

import org.partnerfinance.security.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

/**
 * Home: the dashboard widgets the user may see, each in a card, in a grid that wraps to the screen width. A widget
 * that fails shows a small error card; the others are unaffected.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard · " + MainLayout.APP_NAME)
public class DashboardView extends VerticalLayout implements BeforeEnterObserver, LiveContent {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DashboardView.class);

    /** Width of one grid column; a widget of size n asks for n columns. */
    private static final double COLUMN_REM = 20;

    private final transient PortalShell shell;
    private final H2 greeting = new H2();
    private final FlexLayout grid = new FlexLayout();
    private QueryParameters query = QueryParameters.empty();

    public DashboardView() {
        this.shell = ShellAccess.shell();
        setWidthFull();
        greeting.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-xl)");
        grid.setId("dashboard");
        grid.setWidthFull();
        grid.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        grid.getStyle().set("gap", "var(--lumo-space-m)");
        add(greeting, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        query = event.getLocation().getQueryParameters();
        refresh();
    }

    @Override
    public void refresh() {
        Caller caller = SessionCaller.current().orElse(null);
        UI ui = UI.getCurrent();
        grid.removeAll();
        if (caller == null || ui == null) {
            return;
        }
        greeting.setText("Welcome, " + caller.displayName());
        List<WidgetEntry> widgets = shell.widgets(caller);
        if (widgets.isEmpty()) {
            Paragraph none = new Paragraph("There are no dashboard widgets for your role yet.");
            none.setId("dashboard-empty");
            grid.add(none);
            return;
        }
        ShellScreenContext context = new ShellScreenContext(caller, ui, query);
        for (WidgetEntry widget : widgets) {
            grid.add(card(widget, context));
        }
    }

    private static Card card(WidgetEntry widget, ShellScreenContext context) {
        Card card = new Card();
        card.setTitle(widget.title());
        card.setId("widget-" + widget.id());
        int size = widget.size();
        card.getStyle().set("flex", size + " 1 " + (size * COLUMN_REM) + "rem").set("min-width", "0")
                .set("max-width", "100%").set("box-sizing", "border-box");
        try {
            Component content = widget.service().get().create(context);
            if (content == null) {
                throw new IllegalStateException("Widget '" + widget.id() + "' created no component");
            }
            card.add(content);
        } catch (RuntimeException | LinkageError e) {
            String reference = ErrorReference.create();
            LOG.error("Dashboard widget '{}' failed [reference {}]", widget.id(), reference, e);
            card.removeAll();
            Span message = new Span("This widget could not be shown (reference " + reference + ").");
            message.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size",
                    "var(--lumo-font-size-s)");
            card.add(message);
            card.getElement().setAttribute("data-error", "true");
        }
        return card;
    }
}
