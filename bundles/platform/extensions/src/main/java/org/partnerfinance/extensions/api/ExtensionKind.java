package org.partnerfinance.extensions.api;

import java.util.Arrays;
import java.util.Optional;

/** Kinds of extension contributions, as grouped on the Extensions screen. */
public enum ExtensionKind {
    SCREEN("screen", "Screens"),
    WIDGET("widget", "Dashboard widgets"),
    CLAIM_TYPE("claim-type", "Claim types"),
    COMPLIANCE_RULE("compliance-rule", "Compliance rules"),
    CONNECTOR("connector", "Connectors");

    private final String id;
    private final String label;

    ExtensionKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<ExtensionKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
