/**
 * What the claim screens offer to extensions that show claim data, such as dashboard widgets:
 * {@link ClaimUpdates} hands committed claim changes (and changes of the installed extensions) to components that
 * are open in a browser, in their own Vaadin UI.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.partnerfinance.claims.ui.api;
