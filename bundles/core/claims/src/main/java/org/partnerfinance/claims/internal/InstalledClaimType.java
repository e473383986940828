package org.partnerfinance.claims.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.claims.api.AttachmentPolicy;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimType;
import org.partnerfinance.claims.api.ClaimTypeLifecycle;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.ledger.api.Money;

/**
 * A registered claim type as the core uses it: its id and name come from the typed service properties
 * ({@code @ClaimTypeId}, {@code @ClaimTypeName}); only a type registered without them is asked through its getters.
 * Everything else is the type's own answer.
 */
final class InstalledClaimType implements ClaimType {

    static final String ID = org.partnerfinance.claims.api.ClaimTypeId.PROPERTY;
    static final String NAME = org.partnerfinance.claims.api.ClaimTypeName.PROPERTY;

    private final String id;
    private final String name;
    private final ClaimType type;

    private InstalledClaimType(String id, String name, ClaimType type) {
        this.id = id;
        this.name = name;
        this.type = type;
    }

    /** The type with its registration's properties; the name falls back to the id. */
    @SuppressWarnings("deprecation")
    static InstalledClaimType of(Map<String, ?> properties, ClaimType type) {
        String id = text(properties.get(ID));
        String name = text(properties.get(NAME));
        if (id == null) {
            id = text(type.id());
            name = text(type.name());
        }
        return new InstalledClaimType(id, name == null ? id : name, type);
    }

    private static String text(Object value) {
        Object single = value instanceof Object[] array ? (array.length == 0 ? null : array[0]) : value;
        if (single == null || single.toString().isBlank()) {
            return null;
        }
        return single.toString().trim();
    }

    /** The id, or {@code null} for a type that declares none (it cannot be used). */
    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    /** The type's own form title, or "New claim: " and its name. */
    @Override
    public String formTitle() {
        String title = type.formTitle();
        return title == null || title.isBlank() ? "New claim: " + name : title;
    }

    @Override
    public List<FieldDef> fields() {
        return type.fields();
    }

    @Override
    public AttachmentPolicy attachmentPolicy() {
        return type.attachmentPolicy();
    }

    @Override
    public List<Problem> validate(ClaimDraft draft, Clock clock) {
        return type.validate(draft, clock);
    }

    @Override
    public Money eligibleAmount(ClaimDraft draft) {
        return type.eligibleAmount(draft);
    }

    @Override
    public AccountingRule accountingRule() {
        return type.accountingRule();
    }

    /** The type's lifecycle hooks, or ones that do nothing when it has none. */
    ClaimTypeLifecycle lifecycle() {
        return type instanceof ClaimTypeLifecycle hooks ? hooks : NO_HOOKS;
    }

    private static final ClaimTypeLifecycle NO_HOOKS = new ClaimTypeLifecycle() {
    };
}
