/**
 * The compliance rules shipped with the portal (duplicates, claim deadline, caps per claim and per period, required
 * attachments) and the deadline-extension workflow: a partner asks for more time for a claim that missed its deadline,
 * finance grants it until a date or refuses it with a reason.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.partnerfinance.claims.rules.api;
