package org.partnerfinance.ui.internal;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;

/** Common look of the error views: a heading, one sentence, and a way back. Shows text only, never exceptions. */
abstract class ErrorPage extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    ErrorPage() {
        setPadding(true);
        setMaxWidth("40rem");
    }

    void show(String heading, String message, boolean signedIn) {
        removeAll();
        H2 title = new H2(heading);
        title.setId("error-title");
        Paragraph text = new Paragraph(message);
        text.setId("error-message");
        RouterLink back = signedIn ? new RouterLink("Go to the dashboard", DashboardView.class)
                : new RouterLink("Sign in", LoginView.class);
        back.setId("error-back");
        add(title, text, back);
    }
}
