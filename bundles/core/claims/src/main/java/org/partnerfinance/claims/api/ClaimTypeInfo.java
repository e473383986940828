package org.partnerfinance.claims.api;

import java.util.List;

/**
 * An installed, enabled claim type as offered to partners: what a form needs to render it.
 *
 * @param formTitle title of the form that creates a claim of the type
 */
public record ClaimTypeInfo(String id, String name, String formTitle, List<FieldDef> fields,
        AttachmentPolicy attachmentPolicy) {
    public ClaimTypeInfo {
        fields = List.copyOf(fields);
    }
}
