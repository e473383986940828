/**
 * The bank statement reconciliation queue of the ISO 20022 camt connector: bank entries (camt.053 statements, camt.054
 * notifications) that no open payment or document matched unambiguously, with ranked suggestions, for finance to
 * match (which confirms the payment with the bank's reference and booking date) or dismiss with a reason.
 *
 * <p>1.1: one entry split across several open documents of one partner ({@link ReconciliationQueue#split},
 * {@link SplitPart}), with what is left of an incoming payment on the partner's account; the partner's open documents
 * proposed for a split ({@link ReconciliationQueue#splitProposal}, {@link SplitProposal}, {@link SplitCandidate});
 * suggestions of a set of documents whose open amounts add up to the entry ({@link SuggestionKind#SPLIT},
 * {@link Suggestion#parts()}).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.partnerfinance.connector.camt;
