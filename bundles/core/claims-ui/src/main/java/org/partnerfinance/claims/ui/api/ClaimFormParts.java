package org.partnerfinance.claims.ui.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.ui.api.ScreenContext;

/**
 * The optional hook for a claim type whose form needs something the declared fields cannot say: registered as a
 * service with {@link #CLAIM_TYPE}, it replaces the editor of single fields of that type's generated form; every other
 * field, the core's checks, the compliance panel and submitting stay the claims UI's. Only fields that hold text
 * ({@code TEXT}, {@code LONG_TEXT}, {@code NUMBER}, {@code MONEY}, {@code DATE}, {@code CHOICE}) can be replaced.
 */
@ConsumerType
public interface ClaimFormParts {

    /** Service property: the id of the claim type whose form this customises. */
    String CLAIM_TYPE = "pf.claims.form.type";

    /**
     * The editor for one declared field, or empty to keep the generated one. Called each time a form is opened, in
     * the session's UI.
     */
    Optional<FieldPart> part(FieldDef field, ScreenContext context);

    /** An editor of one field's value, in the stored text form of its {@link org.partnerfinance.claims.api.FieldKind}. */
    @ConsumerType
    interface FieldPart {

        /** The component shown in the form. */
        com.vaadin.flow.component.Component component();

        /** The value entered, as text; empty or {@code null} when nothing is entered. */
        String value();

        /** Shows a problem the claims core or the type reported for the field; {@code null} clears it. */
        void showProblem(String message);

        /** Runs {@code onChange} whenever the value changes, so the form can re-run the live checks. */
        void onChange(Runnable onChange);
    }
}
