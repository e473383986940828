package org.partnerfinance.claims.ui.internal;

import org.partnerfinance.claims.api.Claim;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * One part of the claim detail page (summary, actions, fields and attachments, findings, history). The page asks each
 * part in turn, on every refresh, to add what it shows about the claim as it is now; a part with nothing to show adds
 * nothing.
 */
interface ClaimDetailPart {

    /** Adds this part's components for the claim to the page. */
    void addTo(HasComponents page, Claim claim);

    /** A titled block of the page. */
    static VerticalLayout section(String title, Component content) {
        H4 heading = new H4();
        heading.setText(title);
        VerticalLayout section = new VerticalLayout(heading, content);
        section.setPadding(false);
        section.setSpacing(false);
        return section;
    }
}
