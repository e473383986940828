/**
 * What the claim screens offer to extensions: {@link ClaimUpdates} hands committed claim changes (and changes of the
 * installed extensions) to components that are open in a browser, in their own Vaadin UI; {@link ClaimRoutes} names
 * the screens' addresses, among them each claim type's form; {@link ClaimFormParts} lets a claim type replace single
 * editors of the form the claims UI renders from its declared fields.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.partnerfinance.claims.ui.api;
