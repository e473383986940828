package org.partnerfinance.extensions.api;

/** Namespaced service properties shared by all extension points. */
public final class ExtensionConstants {

    /** Extension id, shared by all services of one extension (e.g. {@code expense}); the unit of a feature toggle. */
    public static final String EXTENSION_ID = "pf.extension.id";

    /** Human readable name of the extension. */
    public static final String EXTENSION_NAME = "pf.extension.name";

    /** Kind of the contributed service: one of {@link ExtensionKind#id()}. */
    public static final String EXTENSION_KIND = "pf.extension.kind";

    /**
     * Optional description of what one contributed service adds (e.g. a screen's route, a claim type's name), shown in
     * extension listings; without it the listing shows the service's interface names.
     */
    public static final String EXTENSION_DETAIL = "pf.extension.detail";

    /** Configuration PID under which the toggles are persisted. */
    public static final String TOGGLES_PID = "org.partnerfinance.toggles";

    private ExtensionConstants() {
    }
}
