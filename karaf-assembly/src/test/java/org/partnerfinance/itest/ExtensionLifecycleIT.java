package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ClaimType;
import org.partnerfinance.claims.api.ClaimValidationException;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.ExtensionInfo;
import org.partnerfinance.extensions.api.ExtensionKind;
import org.partnerfinance.extensions.api.ExtensionListener;
import org.partnerfinance.extensions.api.ExtensionRegistry;
import org.partnerfinance.extensions.api.FeatureToggles;
import org.partnerfinance.security.api.Caller;

/**
 * Extensions come and go at run time, without a restart.
 *
 * <ul>
 * <li>Registry and toggles: a contribution registered at run time is listed and goes away again, {@code pf:disable} /
 * {@code pf:enable} switch it, listeners are told, and the set is stored in Config Admin.</li>
 * <li>Toggles of the expense claim type: switched off, the claims service no longer offers it and refuses new expense
 * claims; switched on, it is back.</li>
 * <li>Hot deploy: {@code feature:uninstall} of the expense claim type removes its claim type, screen and registry
 * entries while its claims stay readable; {@code feature:install} brings everything back. The same for a dashboard
 * widget feature.</li>
 * </ul>
 * Every test leaves the extensions installed and switched on, whatever happens.
 */
@ExamReactorStrategy(PerSuite.class) // shares one booted distribution: DemoDistributionIT
public class ExtensionLifecycleIT extends ClaimsTestSupport {

    /** How long an installed or uninstalled feature may take to show in the services. */
    private static final Duration HOT_DEPLOY_DEADLINE = Duration.ofSeconds(30);

    private static final String EXPENSE_FEATURE = "pf-claim-expense";
    private static final String EXPENSE_BUNDLE = "org.partnerfinance.pf-claim-expense";
    private static final String WIDGET_FEATURE = "pf-widget-my-claims";
    private static final String WIDGET_BUNDLE = "org.partnerfinance.pf-widget-my-claims";
    private static final String WIDGET_ID = "widget.my-claims";

    /** The UI extension points, by name: the test has no need of the Vaadin classes their methods use. */
    private static final String SCREEN = "org.partnerfinance.ui.api.Screen";
    private static final String DASHBOARD_WIDGET = "org.partnerfinance.ui.api.DashboardWidget";

    private static final String SAMPLE_ID = "itest-sample";

    private ExtensionRegistry registry;
    private FeatureToggles toggles;
    private ConfigurationAdmin configurationAdmin;

    @Before
    public void extensionServices() {
        registry = getService(ExtensionRegistry.class);
        toggles = getService(FeatureToggles.class);
        configurationAdmin = getService(ConfigurationAdmin.class);
    }

    // ----------------------------------------------------------------------------------------- registry, toggles

    @Test
    public void contributionsAreListedAndToggledFromTheShell() throws Exception {
        AtomicInteger notifications = new AtomicInteger();
        ServiceRegistration<ExtensionListener> listener = bundleContext.registerService(ExtensionListener.class,
                notifications::incrementAndGet, null);

        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(ExtensionConstants.EXTENSION_ID, SAMPLE_ID);
        properties.put(ExtensionConstants.EXTENSION_KIND, "connector");
        properties.put(ExtensionConstants.EXTENSION_NAME, "Integration test connector");
        properties.put(ExtensionConstants.EXTENSION_DETAIL, "sample import");
        ServiceRegistration<Runnable> contribution = bundleContext.registerService(Runnable.class, () -> { },
                properties);
        try {
            waitFor("the registry to list " + SAMPLE_ID + "; it lists " + registry.list()
                    + ", services with the property: " + Arrays.toString(bundleContext.getAllServiceReferences(null,
                    "(" + ExtensionConstants.EXTENSION_ID + "=*)")),
                    () -> registry.list().stream().anyMatch(e -> e.id().equals(SAMPLE_ID)));
            waitFor("listeners to hear of the new contribution", () -> notifications.get() >= 1);
            waitForCommand("pf:extensions");
            String listing = executeCommand("pf:extensions --kind connector");
            assertTrue(listing, listing.lines().anyMatch(l -> l.contains(SAMPLE_ID) && l.contains("sample import")
                    && l.contains("yes")));

            int before = notifications.get();
            String disabled = executeCommand("pf:disable " + SAMPLE_ID);
            assertTrue(disabled, disabled.contains("is now switched off"));
            assertFalse(toggles.isEnabled(SAMPLE_ID));
            assertTrue("listeners told of the toggle", notifications.get() > before);
            assertTrue(executeCommand("pf:extensions").lines()
                    .anyMatch(l -> l.contains(SAMPLE_ID) && l.trim().endsWith("no")));
            waitFor("the toggles to be stored", () -> storedDisabled().contains(SAMPLE_ID));

            executeCommand("pf:enable " + SAMPLE_ID);
            assertTrue(toggles.isEnabled(SAMPLE_ID));
        } finally {
            contribution.unregister();
            listener.unregister();
        }
        waitFor("the registry to drop " + SAMPLE_ID,
                () -> registry.list().stream().noneMatch(e -> e.id().equals(SAMPLE_ID)));
        assertFalse(toggles.disabled().contains(SAMPLE_ID));
    }

    @Test
    public void expenseClaimTypeSwitchedOffAndOnFromTheShell() {
        Caller partner = demoUser("partner");
        waitForExpenseType(partner);
        waitForCommand("pf:disable");
        ClaimDraft draft = expenseDraft(PARTNER_1, "44.40", "EUR");
        Claim existing = submitExpense(partner, "45.50", "EUR");

        String off = executeCommand("pf:disable " + EXPENSE);
        try {
            assertTrue(off, off.contains("is now switched off"));
            assertFalse(toggles.isEnabled(EXPENSE));
            assertFalse("offered while switched off: " + claims.availableTypes(partner), offersExpense(partner));

            ClaimValidationException refused = assertThrows(ClaimValidationException.class,
                    () -> claims.submitNew(partner, draft));
            assertEquals("Claims of type " + EXPENSE_NAME
                    + " cannot be submitted now: the claim type is switched off.", refused.getMessage());
            assertEquals("typeId", refused.problems().get(0).field());
            assertThrows(ClaimValidationException.class, () -> claims.saveDraft(partner, draft));
            assertThrows(ClaimValidationException.class, () -> claims.check(partner, draft));
            assertTrue("nothing stored from the refused calls", claims.listForPartner(partner, PARTNER_1).stream()
                    .noneMatch(c -> c.description().equals(draft.description())));

            List<ExtensionInfo> listed = contributions(EXPENSE);
            assertEquals("the expense contributions stay installed: " + listed,
                    Set.of(ExtensionKind.CLAIM_TYPE, ExtensionKind.SCREEN), kinds(listed));
            assertTrue("all switched off: " + listed, listed.stream().noneMatch(ExtensionInfo::enabled));
            assertTrue(executeCommand("pf:extensions --kind claim-type").lines()
                    .anyMatch(l -> l.contains(EXPENSE) && l.trim().endsWith("no")));
            waitFor("the toggle to be stored", () -> storedDisabled().contains(EXPENSE));

            Claim stored = claims.find(partner, existing.id()).orElseThrow();
            assertEquals("existing claims stay as they are (the type is installed, only switched off)", existing,
                    stored);
        } finally {
            String on = executeCommand("pf:enable " + EXPENSE);
            assertTrue(on, on.contains("is now switched on"));
        }

        assertTrue(toggles.isEnabled(EXPENSE));
        assertTrue("offered again: " + claims.availableTypes(partner), offersExpense(partner));
        assertTrue(contributions(EXPENSE).stream().allMatch(ExtensionInfo::enabled));
        Claim submitted = claims.submitNew(partner, draft);
        assertEquals(ClaimStatus.SUBMITTED, submitted.status());
        waitFor("the toggle to be stored", () -> !storedDisabled().contains(EXPENSE));
    }

    // ------------------------------------------------------------------------------------------------ hot deploy

    @Test
    public void expenseFeatureUninstalledAndInstalledAgainAtRunTime() {
        Caller partner = demoUser("partner");
        Caller reviewer = demoUser("reviewer");
        waitForFeatures(EXPENSE_FEATURE);
        waitForExpenseType(partner);
        waitFor("the expense claim type and screen in the registry", () -> expensePresent(partner));
        Claim existing = submitExpense(partner, "33.30", "EUR");
        long attachmentId = existing.attachments().get(0).id();

        executeCommand("feature:uninstall " + EXPENSE_FEATURE);
        try {
            waitFor("the expense claim type, its screen and its registry entries to go away", HOT_DEPLOY_DEADLINE,
                    () -> expenseGone(partner));
            assertNull("bundle " + EXPENSE_BUNDLE, bundle(EXPENSE_BUNDLE));

            // its claims stay, readable with their stored data
            List<Claim> expenseClaims = claims.listForPartner(partner, PARTNER_1).stream()
                    .filter(c -> c.typeId().equals(EXPENSE)).toList();
            assertTrue("expense claims listed", expenseClaims.stream().anyMatch(c -> c.id() == existing.id()));
            assertTrue("all marked as of a type not installed",
                    expenseClaims.stream().noneMatch(Claim::typeInstalled));
            assertEquals(withTypeInstalled(existing, false), claims.find(partner, existing.id()).orElseThrow());
            assertEquals(existing.attachments().get(0).sha256(),
                    Receipts.sha256(claims.attachment(reviewer, existing.id(), attachmentId).content()));

            // and new ones cannot be made, nor existing ones decided, while the type is missing
            ClaimValidationException refused = assertThrows(ClaimValidationException.class,
                    () -> submitExpense(partner, "12.00", "EUR"));
            assertTrue(refused.getMessage(), refused.getMessage().contains("not installed"));
            ClaimValidationException notApproved = assertThrows(ClaimValidationException.class,
                    () -> claims.approve(reviewer, existing.id(), existing.version(), null));
            assertTrue(notApproved.getMessage(), notApproved.getMessage().contains("not installed"));
        } finally {
            executeCommand("feature:install " + EXPENSE_FEATURE);
        }

        waitFor("the expense claim type, its screen and its registry entries to come back", HOT_DEPLOY_DEADLINE,
                () -> expensePresent(partner));
        assertActive(EXPENSE_BUNDLE);
        assertEquals("the claim as it was, its type installed again", existing,
                claims.find(partner, existing.id()).orElseThrow());
        assertTrue(claims.listForPartner(partner, PARTNER_1).stream()
                .filter(c -> c.typeId().equals(EXPENSE)).allMatch(Claim::typeInstalled));
        Claim approved = claims.approve(reviewer, existing.id(), existing.version(), null);
        assertEquals(ClaimStatus.APPROVED, approved.status());
    }

    @Test
    public void widgetFeatureUninstalledAndInstalledAgainAtRunTime() {
        waitForFeatures(WIDGET_FEATURE);
        waitFor("the my-claims widget", () -> widgetPresent());

        executeCommand("feature:uninstall " + WIDGET_FEATURE);
        try {
            waitFor("the my-claims widget and its registry entry to go away", HOT_DEPLOY_DEADLINE,
                    () -> services(DASHBOARD_WIDGET, WIDGET_ID).isEmpty() && contributions(WIDGET_ID).isEmpty());
            assertNull("bundle " + WIDGET_BUNDLE, bundle(WIDGET_BUNDLE));
        } finally {
            executeCommand("feature:install " + WIDGET_FEATURE);
        }

        waitFor("the my-claims widget and its registry entry to come back", HOT_DEPLOY_DEADLINE,
                this::widgetPresent);
        assertActive(WIDGET_BUNDLE);
    }

    // ------------------------------------------------------------------------------------------------------- helpers

    private boolean expensePresent(Caller partner) {
        return services(ClaimType.class.getName(), EXPENSE).size() == 1
                && !services(SCREEN, EXPENSE).isEmpty()
                && kinds(contributions(EXPENSE)).equals(Set.of(ExtensionKind.CLAIM_TYPE, ExtensionKind.SCREEN))
                && contributions(EXPENSE).stream().allMatch(ExtensionInfo::enabled)
                && offersExpense(partner);
    }

    private boolean expenseGone(Caller partner) {
        return services(ClaimType.class.getName(), EXPENSE).isEmpty()
                && services(SCREEN, EXPENSE).isEmpty()
                && contributions(EXPENSE).isEmpty()
                && !offersExpense(partner);
    }

    private boolean widgetPresent() {
        return services(DASHBOARD_WIDGET, WIDGET_ID).size() == 1
                && kinds(contributions(WIDGET_ID)).equals(Set.of(ExtensionKind.WIDGET));
    }

    /** The registered services of a class carrying an extension id, in any class space. */
    private List<ServiceReference<?>> services(String className, String extensionId) {
        try {
            ServiceReference<?>[] references = bundleContext.getAllServiceReferences(className,
                    "(" + ExtensionConstants.EXTENSION_ID + "=" + extensionId + ")");
            return references == null ? List.of() : List.of(references);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<ExtensionInfo> contributions(String extensionId) {
        return registry.list().stream().filter(e -> e.id().equals(extensionId)).toList();
    }

    private static Set<ExtensionKind> kinds(List<ExtensionInfo> infos) {
        return infos.stream().map(ExtensionInfo::kind).collect(Collectors.toSet());
    }

    /** The ids stored as switched off in Config Admin. */
    private Set<String> storedDisabled() {
        try {
            Configuration configuration = configurationAdmin.getConfiguration(ExtensionConstants.TOGGLES_PID, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            Object disabled = properties == null ? null : properties.get("disabled");
            return disabled == null ? Set.of() : new HashSet<>(Arrays.asList((String[]) disabled));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Claim withTypeInstalled(Claim c, boolean installed) {
        return new Claim(c.id(), c.reference(), c.partnerId(), c.typeId(), c.typeName(), installed, c.status(),
                c.date(), c.description(), c.amount(), c.eligibleAmount(), c.fields(), c.attachments(), c.findings(),
                c.rejectionReason(), c.decisionComment(), c.decidedBy(), c.paymentReference(), c.createdBy(),
                c.createdAt(), c.submittedAt(), c.decidedAt(), c.paidAt(), c.version(), c.steps(), c.approvedAmount(),
                c.partialReason(), c.statusNote(), c.rejection());
    }
}
