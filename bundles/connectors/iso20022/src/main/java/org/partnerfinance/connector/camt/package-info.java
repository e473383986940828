/**
 * The bank statement reconciliation queue of the ISO 20022 camt connector: bank entries (camt.053 statements, camt.054
 * notifications) that no open payment or document matched unambiguously, with ranked suggestions, for finance to
 * match (which confirms the payment with the bank's reference and booking date) or dismiss with a reason.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.partnerfinance.connector.camt;
