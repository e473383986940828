/**
 * Settlement of approved claims with their partners: as a credit note applied to what the partner owes, or as a
 * payable document paid by an outgoing payment, on a date the partner sees. The claim's accrual is reversed when its
 * settlement document is issued (that document then carries the expense), so the books end with the expense debited
 * once, the accrual back to zero, and the partner's receivable reduced or the payable paid from the bank.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.partnerfinance.claims.settlement.api;
