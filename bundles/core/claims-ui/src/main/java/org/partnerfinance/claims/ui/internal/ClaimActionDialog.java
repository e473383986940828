package org.partnerfinance.claims.ui.internal;

import java.util.function.Supplier;

import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.IllegalTransitionException;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The dialog every action on a claim shares: a title, the action's own inputs, a line for the service's refusal,
 * Cancel and a confirm button. {@link #run} calls the service and handles its outcome the same way for every action.
 */
final class ClaimActionDialog {

    /** Longest comment a decision takes. */
    static final int MAX_COMMENT = 2000;

    private final ScreenContext context;
    private final Runnable refresh;
    private final Dialog dialog = new Dialog();
    private final VerticalLayout body = new VerticalLayout();
    private final Span error = new Span();

    /**
     * @param refresh re-reads the claim and rebuilds the page
     * @param errorId element id of the refusal line (browser tests look for it)
     */
    ClaimActionDialog(ScreenContext context, Runnable refresh, String title, String errorId) {
        this.context = context;
        this.refresh = refresh;
        dialog.setHeaderTitle(title);
        error.setId(errorId);
        error.setVisible(false);
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        body.add(error);
        dialog.add(body);
    }

    /** Adds the action's inputs (and explanations); the refusal line stays below them. */
    ClaimActionDialog add(Component... components) {
        for (Component component : components) {
            body.addComponentAtIndex(body.indexOf(error), component);
        }
        return this;
    }

    /** The layout holding the inputs, e.g. to give it a minimum width. */
    VerticalLayout body() {
        return body;
    }

    /** Adds Cancel and the confirm button, which runs {@code onConfirm} (usually checks the inputs, then {@link #run}). */
    ClaimActionDialog confirm(String label, String id, Runnable onConfirm, ButtonVariant... variants) {
        Button cancel = new Button("Cancel", e -> dialog.close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button confirm = new Button(label, e -> onConfirm.run());
        confirm.addThemeVariants(variants);
        confirm.setId(id);
        dialog.getFooter().add(cancel, confirm);
        return this;
    }

    void open() {
        dialog.open();
    }

    /**
     * Runs the action. Success closes the dialog and shows the new state; a refused action keeps the dialog open with
     * the service's message; a concurrent change closes it and shows the state someone else produced.
     */
    void run(Supplier<Claim> action, String success) {
        try {
            action.get();
            dialog.close();
            context.notify(success, false);
            refresh.run();
        } catch (ConcurrentChangeException | IllegalTransitionException e) {
            dialog.close();
            context.notify(Ui.messageOf(e), true);
            refresh.run();
        } catch (RuntimeException e) {
            error.setText(Ui.messageOf(e));
            error.setVisible(true);
        }
    }

    /** A trimmed comment, or {@code null} for none. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
