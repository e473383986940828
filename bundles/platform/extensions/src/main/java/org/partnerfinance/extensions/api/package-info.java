/**
 * Extensions and feature toggles. Every service an extension bundle contributes (screen, widget, claim type, compliance
 * rule, connector) carries the service properties {@link ExtensionConstants#EXTENSION_ID} and
 * {@link ExtensionConstants#EXTENSION_KIND}; the {@link ExtensionRegistry} lists them, and {@link FeatureToggles}
 * switches an extension id off or on at run time.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.partnerfinance.extensions.api;
