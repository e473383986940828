package org.partnerfinance.extensions.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.osgi.framework.Constants;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.ExtensionInfo;
import org.partnerfinance.extensions.api.ExtensionKind;

/** Turns the service properties of one contributed service into an {@link ExtensionInfo}. */
final class ExtensionInfos {

    /** Order of listings: kind (enum order), id, detail. */
    static final Comparator<ExtensionInfo> ORDER = Comparator.comparing(ExtensionInfo::kind)
            .thenComparing(ExtensionInfo::id)
            .thenComparing(ExtensionInfo::detail);

    private ExtensionInfos() {
    }

    /**
     * @param properties service properties
     * @param bundle     symbolic name and version of the registering bundle
     * @param enabled    tells whether an extension id is switched on
     * @return the info, or empty when the id is missing or the kind is missing or unknown
     */
    static Optional<ExtensionInfo> from(Map<String, Object> properties, String bundle, Predicate<String> enabled) {
        String id = text(properties.get(ExtensionConstants.EXTENSION_ID));
        if (id == null) {
            return Optional.empty();
        }
        String kindId = text(properties.get(ExtensionConstants.EXTENSION_KIND));
        Optional<ExtensionKind> kind = kindId == null ? Optional.empty() : ExtensionKind.byId(kindId);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        String name = text(properties.get(ExtensionConstants.EXTENSION_NAME));
        String detail = text(properties.get(ExtensionConstants.EXTENSION_DETAIL));
        if (detail == null) {
            detail = objectClasses(properties.get(Constants.OBJECTCLASS));
        }
        return Optional.of(new ExtensionInfo(id, name == null ? id : name, kind.get(), detail, bundle,
                enabled.test(id)));
    }

    /** Explains why a service cannot be listed, or returns null when it can. */
    static String problem(Map<String, Object> properties) {
        String kindId = text(properties.get(ExtensionConstants.EXTENSION_KIND));
        if (kindId == null) {
            return "it has no " + ExtensionConstants.EXTENSION_KIND + " property";
        }
        if (ExtensionKind.byId(kindId).isEmpty()) {
            return "its " + ExtensionConstants.EXTENSION_KIND + " '" + kindId + "' is not one of "
                    + Arrays.stream(ExtensionKind.values()).map(ExtensionKind::id).toList();
        }
        return null;
    }

    /** A property value as trimmed text: a String, or the first element of a String array; null when blank. */
    static String text(Object value) {
        Object single = value;
        if (value instanceof String[] array) {
            single = array.length == 0 ? null : array[0];
        }
        if (single == null) {
            return null;
        }
        String text = single.toString().trim();
        return text.isEmpty() ? null : text;
    }

    private static String objectClasses(Object value) {
        if (value instanceof String[] names) {
            return String.join(", ", names);
        }
        return value == null ? "" : value.toString();
    }
}
