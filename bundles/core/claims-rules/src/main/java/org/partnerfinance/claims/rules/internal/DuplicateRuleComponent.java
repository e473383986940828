package org.partnerfinance.claims.rules.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceRule;
import org.partnerfinance.claims.api.ComplianceSubject;
import org.partnerfinance.extensions.api.ExtensionConstants;

/**
 * Duplicate detection for every claim type, in place of the claims core's built-in check
 * ({@link ComplianceRule#REPLACES}); {@code duplicates.enabled=false} in a type's configuration switches it off for that
 * type. When this bundle stops or its extension is switched off, the core's own check runs again.
 */
@Component(service = ComplianceRule.class, property = {
        ComplianceRule.REPLACES + "=" + ComplianceRule.BUILT_IN_DUPLICATE_RULE,
        ExtensionConstants.EXTENSION_ID + "=" + ClaimTypeRules.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=compliance-rule",
        ExtensionConstants.EXTENSION_NAME + "=Compliance rules",
        ExtensionConstants.EXTENSION_DETAIL + "=Duplicate claims (switchable per claim type)" })
public class DuplicateRuleComponent implements ComplianceRule {

    @Reference(name = "types", service = ClaimTypeRules.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<ClaimTypeRules> types = List.of();

    private final DuplicateRule rule = new DuplicateRule(typeId -> ClaimTypeRules.settingsOf(types, typeId));

    @Override
    public String id() {
        return rule.id();
    }

    @Override
    public ComplianceFinding check(ComplianceSubject subject) {
        return rule.check(subject);
    }
}
