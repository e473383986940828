package org.partnerfinance.claims.ui.internal;

import java.util.List;

import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.RejectionCode;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The rejection-reason catalogue: every code with its text, whether it needs a comment, and whether it is retired.
 * Administrators add a code or rename one (same code, new text), and retire or restore it; retired codes are no longer
 * offered to reviewers but stay on the claims rejected with them.
 */
final class RejectionCodesView extends VerticalLayout {

    private final ScreenContext context;
    private final ClaimService claims;
    private final Caller caller;
    private final Grid<RejectionCode> grid = new Grid<>();
    private final TextField code = new TextField("Code");
    private final TextField text = new TextField("Text the partner reads");
    private final Checkbox commentRequired = new Checkbox("Comment required");
    private final Span error = new Span();

    RejectionCodesView(ScreenContext context, ClaimService claims) {
        this.context = context;
        this.claims = claims;
        this.caller = context.caller();
        setSizeFull();
        grid.setId("rejection-codes-grid");
        grid.addColumn(RejectionCode::code).setHeader("Code").setAutoWidth(true).setFlexGrow(0).setKey("code");
        grid.addColumn(RejectionCode::text).setHeader("Text").setKey("text");
        grid.addColumn(r -> r.commentRequired() ? "yes" : "").setHeader("Comment required").setAutoWidth(true)
                .setFlexGrow(0).setKey("comment");
        grid.addColumn(r -> r.retired() ? "retired" : "in use").setHeader("State").setAutoWidth(true).setFlexGrow(0)
                .setKey("state");
        grid.addComponentColumn(this::retireButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(e -> edit(e.getItem()));

        code.setId("rejection-code");
        code.setMaxLength(8);
        code.setWidth("8em");
        text.setId("rejection-text");
        text.setMaxLength(200);
        text.setWidth("28em");
        commentRequired.setId("rejection-comment-required");
        Button save = new Button("Save", e -> save());
        save.setId("rejection-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(code, text, commentRequired, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        error.setId("rejection-error");
        error.setVisible(false);
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Span help = new Span();
        help.setText("Enter a new code to add it, or an existing one (click a row) to change its text. Retired codes"
                + " are no longer offered to reviewers; claims rejected with them keep showing them.");
        add(help, form, error, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private Button retireButton(RejectionCode r) {
        Button button = new Button(r.retired() ? "Restore" : "Retire", e -> run(() ->
                claims.retireRejectionCode(caller, r.code(), !r.retired()), (r.retired() ? "Restored " : "Retired ")
                        + r.code()));
        button.setId("rejection-retire-" + r.code());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void edit(RejectionCode r) {
        code.setValue(r.code());
        text.setValue(r.text());
        commentRequired.setValue(r.commentRequired());
    }

    private void save() {
        run(() -> claims.saveRejectionCode(caller, code.getValue(), text.getValue(), commentRequired.getValue()),
                "Saved " + code.getValue().strip().toUpperCase(java.util.Locale.ROOT));
    }

    private void run(Runnable action, String success) {
        try {
            action.run();
            error.setVisible(false);
            context.notify(success, false);
            refresh();
        } catch (RuntimeException e) {
            error.setText(Ui.messageOf(e));
            error.setVisible(true);
        }
    }

    void refresh() {
        try {
            List<RejectionCode> codes = claims.rejectionCodes(caller, true);
            grid.setItems(codes);
        } catch (RuntimeException e) {
            grid.setItems(List.of());
            error.setText(Ui.messageOf(e));
            error.setVisible(true);
        }
    }
}
