package org.partnerfinance.extensions.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Lists the extension contributions currently registered in the framework. */
@ProviderType
public interface ExtensionRegistry {

    /** All contributions, sorted by kind, id and detail. */
    List<ExtensionInfo> list();
}
