package org.partnerfinance.documents.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.Test;
import org.partnerfinance.documents.api.DisputeDraft;
import org.partnerfinance.documents.api.DisputeSubject;
import org.partnerfinance.documents.api.DocumentValidationException;
import org.partnerfinance.documents.api.Settlement;
import org.partnerfinance.documents.ui.internal.common.Samples;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;

/** The dispute form hands the service a draft and shows the service's refusal at the field it names. */
public class DisputeFormTest {

    private final List<DisputeDraft> sent = new ArrayList<>();
    private RuntimeException refusal;

    private DisputeForm form() {
        return new DisputeForm(Samples.invoice(42, "119.00", Settlement.UNPAID), draft -> {
            sent.add(draft);
            if (refusal != null) {
                throw refusal;
            }
        }, () -> { });
    }

    @SuppressWarnings("unchecked")
    private static <T extends Component> T find(Component root, String id) {
        Optional<Component> found = descendants(root).filter(c -> c.getId().map(id::equals).orElse(false)).findFirst();
        assertTrue("no component " + id, found.isPresent());
        return (T) found.get();
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(DisputeFormTest::descendants));
    }

    @Test
    public void theDraftCarriesWhatThePartnerEntered() {
        DisputeForm form = form();
        Select<DisputeSubject> subject = find(form, "dispute-subject");
        subject.setValue(DisputeSubject.LINE);
        Select<Integer> line = find(form, "dispute-line");
        assertTrue("the line choice appears for a line dispute", line.isVisible());
        line.setValue(1);
        BigDecimalField amount = find(form, "dispute-amount");
        assertEquals("the open amount is proposed", new BigDecimal("119.00"), amount.getValue());
        amount.setValue(new BigDecimal("19.00"));
        TextArea reason = find(form, "dispute-reason");
        reason.setValue("Damaged on delivery");
        ((Button) find(form, "dispute-send")).click();

        assertEquals(1, sent.size());
        DisputeDraft draft = sent.get(0);
        assertEquals(42L, draft.documentId());
        assertEquals(DisputeSubject.LINE, draft.subject());
        assertEquals(Integer.valueOf(1), draft.lineNo());
        assertEquals(new BigDecimal("19.00"), draft.amount());
        assertEquals("Damaged on delivery", draft.reason());
        assertEquals(null, draft.attachment());
    }

    @Test
    public void aRefusalIsShownAtTheFieldItNames() {
        DisputeForm form = form();
        refusal = new DocumentValidationException("amount", "Invoice INV-42 has EUR 119.00 open.");
        ((Button) find(form, "dispute-send")).click();
        BigDecimalField amount = find(form, "dispute-amount");
        assertTrue(amount.isInvalid());
        assertEquals("Invoice INV-42 has EUR 119.00 open.", amount.getErrorMessage());
        assertFalse(((HasValidation) find(form, "dispute-reason")).isInvalid());

        refusal = new DocumentValidationException("reason", "Explain what is wrong.");
        ((Button) find(form, "dispute-send")).click();
        assertTrue(((HasValidation) find(form, "dispute-reason")).isInvalid());

        refusal = new DocumentValidationException("attachment", "The attached file is not a PDF, PNG or JPEG.");
        ((Button) find(form, "dispute-send")).click();
        assertEquals("The attached file is not a PDF, PNG or JPEG.", ((Span) find(form, "dispute-file-error")).getText());

        refusal = new DocumentValidationException("documentId", "Invoice INV-42 is already disputed.");
        ((Button) find(form, "dispute-send")).click();
        Span error = find(form, "dispute-error");
        assertNotNull(error);
        assertEquals("Invoice INV-42 is already disputed.", error.getText());
    }
}
