/**
 * What the claim screens offer to extensions: {@link ClaimRoutes} names the screens' addresses, among them each claim
 * type's form; {@link ClaimFormParts} lets a claim type replace single editors of the form the claims UI renders from
 * its declared fields. (Open views refresh through the UI API's {@code LiveUpdates}, topic {@code claims}.)
 */
@org.osgi.annotation.versioning.Version("2.0.0")
package org.partnerfinance.claims.ui.api;
