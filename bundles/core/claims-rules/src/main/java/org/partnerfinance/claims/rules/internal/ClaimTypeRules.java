package org.partnerfinance.claims.rules.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.claims.api.ComplianceRule;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.ExtensionKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of one claim type, one instance per factory configuration
 * ({@code etc/org.partnerfinance.claims.rules-<type>.cfg}). It registers a {@link ComplianceRule} service for each rule
 * the configuration switches on (deadline, caps, attachments), limited to the type through
 * {@link ComplianceRule#CLAIM_TYPES}, and withdraws them when the configuration changes or goes away. Its settings also
 * tell the duplicate rule and the extension workflow how the type is configured.
 */
// immediate: the rules it registers must exist before anyone asks for this component's own service
@Component(service = ClaimTypeRules.class, configurationPid = ClaimTypeRules.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = ClaimTypeRulesConfiguration.class, factory = true)
public class ClaimTypeRules {

    static final String PID = "org.partnerfinance.claims.rules";

    /** The extension id of every shipped rule: switching it off switches them all off (and the core's check on). */
    static final String EXTENSION_ID = "compliance-rules";

    private static final Logger LOG = LoggerFactory.getLogger(ClaimTypeRules.class);

    private final RuleSettings settings;
    private final List<ServiceRegistration<ComplianceRule>> registrations = new ArrayList<>();

    @Activate
    public ClaimTypeRules(ClaimTypeRulesConfiguration config, Map<String, Object> properties, BundleContext context,
            @Reference(name = "extensions") GrantedExtensions extensions) {
        this.settings = RuleSettings.of(config, properties.get(Constants.SERVICE_PID));
        String type = settings.typeId();
        if (settings.hasDeadline()) {
            register(context, new DeadlineRule(settings, extensions, Clock.systemDefaultZone()),
                    "Deadline for " + type + " claims: " + settings.deadlineDays() + " days");
        }
        if (settings.hasCaps()) {
            register(context, new CapRule(settings), "Caps for " + type + " claims");
        }
        if (settings.requiresAttachments()) {
            register(context, new AttachmentRule(settings),
                    "At least " + settings.attachmentsMin() + " attachments for " + type + " claims");
        }
        LOG.info("Compliance rules for claim type {}: {}", type, settings);
    }

    RuleSettings settings() {
        return settings;
    }

    /** The settings of a claim type among the configured ones (the first, should a type be configured twice). */
    static Optional<RuleSettings> settingsOf(List<ClaimTypeRules> configured, String typeId) {
        return configured.stream().map(ClaimTypeRules::settings).filter(s -> s.typeId().equals(typeId)).findFirst();
    }

    private void register(BundleContext context, ComplianceRule rule, String detail) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ComplianceRule.CLAIM_TYPES, settings.typeId());
        properties.put(ExtensionConstants.EXTENSION_ID, EXTENSION_ID);
        properties.put(ExtensionConstants.EXTENSION_KIND, ExtensionKind.COMPLIANCE_RULE.id());
        properties.put(ExtensionConstants.EXTENSION_NAME, "Compliance rules");
        properties.put(ExtensionConstants.EXTENSION_DETAIL, detail);
        registrations.add(context.registerService(ComplianceRule.class, rule, properties));
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<ComplianceRule> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the stopping bundle
            }
        }
        registrations.clear();
    }
}
