package org.partnerfinance.claims.ui.internal;

import java.util.Currency;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.CollectionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimType;
import org.partnerfinance.claims.api.ClaimTypeId;
import org.partnerfinance.claims.api.ClaimTypeName;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.ui.api.ClaimFormParts;
import org.partnerfinance.claims.ui.api.ClaimFormParts.FieldPart;
import org.partnerfinance.claims.ui.api.ClaimRoutes;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every installed claim type its form: for each {@link ClaimType} service a {@link Screen} at
 * {@link ClaimRoutes#newClaim} is registered, carrying the type's extension id, so the menu entry comes and goes with
 * the type (installed, switched on or off, removed) exactly like a screen the type would register itself. The form is
 * rendered from the type's declared fields ({@link ClaimForm}), with the parts a type registered through
 * {@link ClaimFormParts}.
 */
@Component(service = {})
public class ClaimTypeForms {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimTypeForms.class);
    /** Just below "My claims" (10) in the Claims section. */
    private static final int ORDER = 20;

    private final BundleContext bundleContext;
    private final ClaimService claims;
    /** Registered screens by the claim type service's id; guarded by itself. */
    private final Map<Long, ServiceRegistration<Screen>> screens = new HashMap<>();
    private boolean active = true;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PartnerService partners;

    @Reference(service = ClaimFormParts.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            collectionType = CollectionType.TUPLE)
    private volatile List<Map.Entry<Map<String, ?>, ClaimFormParts>> formParts = List.of();

    @Activate
    public ClaimTypeForms(BundleContext bundleContext, @Reference(name = "claims") ClaimService claims) {
        this.bundleContext = bundleContext;
        this.claims = claims;
    }

    @Reference(name = "types", service = ClaimType.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeType")
    void addType(ClaimType type, Map<String, Object> properties) {
        Long serviceId = (Long) properties.get(org.osgi.framework.Constants.SERVICE_ID);
        String typeId;
        String title;
        try {
            // id and name from the typed properties (@ClaimTypeId, @ClaimTypeName), else from the type itself
            typeId = text(properties.get(ClaimTypeId.PROPERTY));
            String name = text(properties.get(ClaimTypeName.PROPERTY));
            if (typeId == null) {
                typeId = text(deprecatedId(type));
                name = text(deprecatedName(type));
            }
            String own = text(type.formTitle());
            title = own != null ? own : "New claim: " + (name != null ? name : typeId);
            ClaimRoutes.newClaim(typeId);
        } catch (RuntimeException e) {
            LOG.warn("Claim type service {} gets no form: {}", serviceId, e.getMessage());
            return;
        }
        Object extensionId = properties.get(ExtensionConstants.EXTENSION_ID);
        Dictionary<String, Object> screenProperties = new Hashtable<>();
        screenProperties.put(ExtensionConstants.EXTENSION_ID, extensionId != null ? extensionId : typeId);
        screenProperties.put(ExtensionConstants.EXTENSION_KIND, "screen");
        Object name = properties.get(ExtensionConstants.EXTENSION_NAME);
        screenProperties.put(ExtensionConstants.EXTENSION_NAME, name != null ? name : title);
        screenProperties.put(ExtensionConstants.EXTENSION_DETAIL, title + " (/" + ClaimRoutes.newClaim(typeId) + ")");
        synchronized (screens) {
            if (!active) {
                return;
            }
            screens.put(serviceId,
                    bundleContext.registerService(Screen.class, new TypeForm(typeId, title), screenProperties));
        }
    }

    @SuppressWarnings("deprecation")
    private static String deprecatedId(ClaimType type) {
        return type.id();
    }

    @SuppressWarnings("deprecation")
    private static String deprecatedName(ClaimType type) {
        return type.name();
    }

    /** A property's text, {@code null} when absent or blank. */
    private static String text(Object value) {
        Object single = value instanceof Object[] array ? (array.length == 0 ? null : array[0]) : value;
        return single == null || single.toString().isBlank() ? null : single.toString().strip();
    }

    void removeType(ClaimType type, Map<String, Object> properties) {
        ServiceRegistration<Screen> registration;
        synchronized (screens) {
            registration = screens.remove((Long) properties.get(org.osgi.framework.Constants.SERVICE_ID));
        }
        unregister(registration);
    }

    @Deactivate
    void deactivate() {
        List<ServiceRegistration<Screen>> all;
        synchronized (screens) {
            active = false;
            all = List.copyOf(screens.values());
            screens.clear();
        }
        all.forEach(ClaimTypeForms::unregister);
    }

    private static void unregister(ServiceRegistration<Screen> registration) {
        if (registration == null) {
            return;
        }
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            LOG.debug("Form screen already unregistered", e);
        }
    }

    /** The parts a type registered for its form, as a lookup by field. */
    private Function<FieldDef, Optional<FieldPart>> partsFor(String typeId, ScreenContext context) {
        List<ClaimFormParts> mine = formParts.stream()
                .filter(e -> typeId.equals(String.valueOf(e.getKey().get(ClaimFormParts.CLAIM_TYPE))))
                .map(Map.Entry::getValue)
                .toList();
        return def -> {
            for (ClaimFormParts parts : mine) {
                try {
                    Optional<FieldPart> part = parts.part(def, context);
                    if (part != null && part.isPresent()) {
                        return part;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("The form part of claim type {} for field {} failed; the generated editor is used",
                            typeId, def.name(), e);
                }
            }
            return Optional.empty();
        };
    }

    /** The partner's default currency, when the partner service is there to tell it. */
    private Optional<Currency> partnerCurrency(Caller caller) {
        PartnerService service = partners;
        if (service == null || caller.partnerId() == null) {
            return Optional.empty();
        }
        try {
            return service.find(caller, caller.partnerId()).map(Partner::defaultCurrency);
        } catch (RuntimeException e) {
            LOG.debug("Default currency of partner {} not readable", caller.partnerId(), e);
            return Optional.empty();
        }
    }

    /** The form screen of one claim type. */
    private final class TypeForm implements Screen {

        private final String typeId;
        private final String title;

        TypeForm(String typeId, String title) {
            this.typeId = typeId;
            this.title = title;
        }

        @Override
        public String path() {
            return ClaimRoutes.newClaim(typeId);
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public String icon() {
            return "PLUS_CIRCLE";
        }

        @Override
        public MenuSection section() {
            return MenuSection.CLAIMS;
        }

        @Override
        public int order() {
            return ORDER;
        }

        @Override
        public Set<Role> roles() {
            return Set.of(Role.PARTNER_USER, Role.PARTNER_ADMIN);
        }

        @Override
        public com.vaadin.flow.component.Component create(ScreenContext context) {
            return new ClaimForm(context, claims, typeId, partsFor(typeId, context),
                    partnerCurrency(context.caller()));
        }
    }
}
