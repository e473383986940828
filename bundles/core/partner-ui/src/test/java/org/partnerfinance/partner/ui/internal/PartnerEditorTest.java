package org.partnerfinance.partner.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.Test;
import org.partnerfinance.partner.api.DunningContact;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.PostalAddress;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;

/** The editor's binding: what it shows is what it reads back, and errors land at the field they name. */
public class PartnerEditorTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private final List<PartnerForm> saved = new ArrayList<>();
    private final List<String> reloaded = new ArrayList<>();

    private static Partner partner() {
        return new Partner("P-1001", "Nordlicht Distribution GmbH", PartnerKind.VENDOR, EUR, false,
                Set.of(EUR, Currency.getInstance("SEK")), "DE123456789", "0088:5790000435968",
                new PostalAddress("Hafenstrasse 1", "20457", "Hamburg", "DE"), 45,
                new DunningContact("Accounts payable", "ap@nordlicht.example", "+49 40 1234"), 3L);
    }

    private PartnerEditor editor(boolean editable) {
        return new PartnerEditor(editable, saved::add, reloaded::add);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Component> T byId(Component root, String id) {
        if (id.equals(root.getId().orElse(null))) {
            return (T) root;
        }
        for (Component child : root.getChildren().toList()) {
            T found = byId(child, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Test
    public void aShownPartnerIsReadBackUnchanged() {
        PartnerEditor editor = editor(true);
        PartnerForm shown = PartnerForm.of(partner());
        editor.show(shown);
        PartnerForm read = editor.read();
        assertEquals(shown.toDetails(), read.toDetails());
        assertEquals(3L, read.version);
        assertEquals("P-1001", read.id);
        assertTrue("the id of a stored partner cannot change",
                ((HasValue<?, ?>) byId(editor, "partner-id")).isReadOnly());
    }

    @Test
    public void typedValuesReachTheForm() {
        PartnerEditor editor = editor(true);
        editor.show(PartnerForm.blank());
        PartnerForm blank = editor.read();
        assertFalse(blank.existing());
        assertNull(blank.kind);
        HasValue<?, String> peppol = byId(editor, "partner-peppol");
        peppol.setValue("0088:1234");
        HasValue<?, Integer> terms = byId(editor, "partner-terms");
        terms.setValue(null);
        PartnerForm read = editor.read();
        assertEquals("0088:1234", read.peppolId);
        assertNull(read.paymentTermsDays);
        assertEquals(new TreeSet<>(), read.allowedCurrencies);
    }

    @Test
    public void serviceErrorsAreShownAtTheirFieldAndClearedOnTheNextShow() {
        PartnerEditor editor = editor(true);
        editor.show(PartnerForm.blank());
        editor.showError(PartnerForm.fieldOf("peppolId"), "A Peppol id is scheme:value");
        HasValidation peppol = byId(editor, "partner-peppol");
        assertTrue(peppol.isInvalid());
        assertEquals("A Peppol id is scheme:value", peppol.getErrorMessage());
        Span general = byId(editor, "partner-error");
        assertFalse(general.isVisible());

        editor.showError(PartnerForm.fieldOf("address.countryCode"), "Use the two-letter ISO country code");
        assertTrue(((HasValidation) byId(editor, "partner-country")).isInvalid());

        editor.showError(null, "Something else");
        assertTrue(general.isVisible());
        assertEquals("Something else", general.getText());

        editor.show(PartnerForm.of(partner()));
        assertFalse(peppol.isInvalid());
        assertFalse(general.isVisible());
    }

    @Test
    public void aConcurrentChangeOffersToReload() {
        PartnerEditor editor = editor(true);
        editor.show(PartnerForm.of(partner()));
        Button reload = byId(editor, "partner-reload");
        assertFalse(reload.isVisible());
        editor.showConcurrentChange(PartnersView.CHANGED_MEANWHILE);
        assertTrue(reload.isVisible());
        assertEquals(PartnersView.CHANGED_MEANWHILE, ((Span) byId(editor, "partner-error")).getText());
        reload.click();
        assertEquals(List.of("P-1001"), reloaded);
    }

    @Test
    public void saveHandsTheFormOver() {
        PartnerEditor editor = editor(true);
        editor.show(PartnerForm.of(partner()));
        ((Button) byId(editor, "partner-save")).click();
        assertEquals(1, saved.size());
        assertEquals("Nordlicht Distribution GmbH", saved.get(0).name);
    }

    @Test
    public void reviewersReadOnly() {
        PartnerEditor editor = editor(false);
        editor.show(PartnerForm.of(partner()));
        assertTrue(((HasValue<?, ?>) byId(editor, "partner-name")).isReadOnly());
        assertTrue(((HasValue<?, ?>) byId(editor, "partner-peppol")).isReadOnly());
        assertTrue(((HasValue<?, ?>) byId(editor, "partner-active")).isReadOnly());
        Button save = byId(editor, "partner-save");
        assertFalse(save.getParent().orElseThrow().isVisible());
    }
}
