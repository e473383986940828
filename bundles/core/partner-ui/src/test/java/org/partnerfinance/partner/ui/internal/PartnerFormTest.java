package org.partnerfinance.partner.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Currency;
import java.util.Set;
import java.util.TreeSet;

import org.junit.Test;
import org.partnerfinance.partner.api.DunningContact;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerDetails;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.PartnerValidationException;
import org.partnerfinance.partner.api.PostalAddress;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.Roles;

public class PartnerFormTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");

    private static Partner partner() {
        return new Partner("P-1001", "Nordlicht Distribution GmbH", PartnerKind.DISTRIBUTOR, EUR, true,
                Set.of(EUR, USD), "DE123456789", "0088:5790000435968",
                new PostalAddress("Hafenstrasse 1\nHaus B", "20457", "Hamburg", "DE"), 45,
                new DunningContact("Accounts payable", "ap@nordlicht.example", "+49 40 1234"), 7L);
    }

    @Test
    public void aPartnerShownAndSavedUnchangedGivesItsOwnDetails() {
        Partner p = partner();
        PartnerForm form = PartnerForm.of(p);
        assertTrue(form.existing());
        assertEquals(7L, form.version);
        assertEquals(new TreeSet<>(Set.of("EUR", "USD")), form.allowedCurrencies);
        assertEquals("Hafenstrasse 1\nHaus B", form.street);
        assertEquals(PartnerDetails.of(p), form.toDetails());
    }

    @Test
    public void everyFieldReachesTheDetails() {
        PartnerForm form = PartnerForm.blank();
        assertFalse(form.existing());
        form.id = " p-2002 ";
        form.name = "  Southwind Resellers ";
        form.kind = PartnerKind.RESELLER;
        form.defaultCurrency = "USD";
        form.allowedCurrencies = new TreeSet<>(Set.of("GBP"));
        form.vatId = "gb 123 456 789";
        form.peppolId = " 0088:1234567890123 ";
        form.street = "1 Main St";
        form.postalCode = "SW1A 1AA";
        form.city = "London";
        form.countryCode = "gb";
        form.paymentTermsDays = 14;
        form.dunningName = "Credit control";
        form.dunningEmail = "credit@southwind.example";
        form.dunningPhone = "+44 20 0000";
        form.active = false;
        PartnerDetails d = form.toDetails();
        assertEquals("P-2002", form.normalisedId());
        assertEquals("  Southwind Resellers ", d.name()); // trimmed and checked by the service, as for REST
        assertEquals(PartnerKind.RESELLER, d.kind());
        assertEquals(USD, d.defaultCurrency());
        assertEquals(Set.of(USD, Currency.getInstance("GBP")), d.allowedCurrencies());
        assertEquals("gb 123 456 789", d.vatId());
        assertEquals("0088:1234567890123", d.peppolId());
        assertEquals(new PostalAddress("1 Main St", "SW1A 1AA", "London", "GB"), d.address());
        assertEquals(14, d.paymentTermsDays());
        assertEquals(new DunningContact("Credit control", "credit@southwind.example", "+44 20 0000"),
                d.dunningContact());
        assertFalse(d.active());
    }

    @Test
    public void theDefaultCurrencyIsAlwaysAllowed() {
        PartnerForm form = PartnerForm.of(partner());
        form.defaultCurrency = "CHF";
        form.allowedCurrencies = new TreeSet<>();
        assertEquals(Set.of(Currency.getInstance("CHF")), form.toDetails().allowedCurrencies());
    }

    @Test
    public void missingChoicesAreLeftToTheServiceToName() {
        PartnerForm form = PartnerForm.blank();
        PartnerDetails d = form.toDetails();
        assertNull(d.kind());
        assertNull(d.defaultCurrency());
        assertTrue(d.allowedCurrencies().isEmpty());
        assertEquals(Partner.DEFAULT_PAYMENT_TERMS_DAYS, d.paymentTermsDays());
        assertTrue(d.active());
    }

    @Test
    public void whatTheFormCannotExpressIsRefusedAtTheField() {
        PartnerForm form = PartnerForm.of(partner());
        form.paymentTermsDays = null;
        assertField(form, PartnerForm.TERMS, "payment terms");

        form = PartnerForm.of(partner());
        form.defaultCurrency = "EURO";
        assertField(form, PartnerForm.DEFAULT_CURRENCY, "EURO is not an ISO 4217");

        form = PartnerForm.of(partner());
        form.allowedCurrencies = new TreeSet<>(Set.of("XYZ"));
        assertField(form, PartnerForm.ALLOWED_CURRENCIES, "XYZ");
    }

    @Test
    public void serviceFieldsMapOntoFormFields() {
        assertEquals(PartnerForm.PEPPOL_ID, PartnerForm.fieldOf("peppolId"));
        assertEquals(PartnerForm.VAT_ID, PartnerForm.fieldOf("vatId"));
        assertEquals(PartnerForm.ID, PartnerForm.fieldOf("id"));
        assertEquals(PartnerForm.COUNTRY, PartnerForm.fieldOf("address.countryCode"));
        assertEquals(PartnerForm.STREET, PartnerForm.fieldOf("address"));
        assertEquals(PartnerForm.DUNNING_EMAIL, PartnerForm.fieldOf("dunningContact.email"));
        assertEquals(PartnerForm.DUNNING_NAME, PartnerForm.fieldOf("dunningContact"));
        assertEquals(PartnerForm.TERMS, PartnerForm.fieldOf("paymentTermsDays"));
        assertNull(PartnerForm.fieldOf("somethingElse"));
        assertNull(PartnerForm.fieldOf(null));
    }

    @Test
    public void gridCells() {
        assertEquals("45 days", PartnerForm.terms(partner()));
        assertEquals("Distributor", PartnerForm.kindLabel(PartnerKind.DISTRIBUTOR));
        assertTrue(PartnerForm.currencyChoices().contains("EUR"));
        assertEquals(PartnerForm.currencyChoices().stream().sorted().toList(), PartnerForm.currencyChoices());
    }

    @Test
    public void onlyManagersAndAdministratorsEdit() {
        assertTrue(PartnersScreen.canEdit(caller(Role.FINANCE_MANAGER)));
        assertTrue(PartnersScreen.canEdit(caller(Role.ADMINISTRATOR)));
        assertFalse(PartnersScreen.canEdit(caller(Role.FINANCE_REVIEWER)));
        assertFalse(java.util.Arrays.asList(PartnersScreen.class.getAnnotation(Roles.class).value())
                .contains(Role.PARTNER_USER));
    }

    private static Caller caller(Role role) {
        return new Caller("u", "U", Set.of(role), null);
    }

    private static void assertField(PartnerForm form, String field, String messagePart) {
        try {
            form.toDetails();
            fail("expected a refusal at " + field);
        } catch (PartnerValidationException e) {
            assertEquals(field, e.field());
            assertTrue(e.getMessage(), e.getMessage().contains(messagePart));
        }
    }
}
