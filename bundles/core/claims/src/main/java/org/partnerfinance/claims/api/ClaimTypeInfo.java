package org.partnerfinance.claims.api;

import java.util.List;

/** An installed, enabled claim type as offered to partners. */
public record ClaimTypeInfo(String id, String name, List<FieldDef> fields, AttachmentPolicy attachmentPolicy) {
}
