/**
 * Partner organisations: distributors, resellers and vendors.
 *
 * <p>1.1 also adds the account a partner is paid to ({@link BankAccount}, {@link Partner#bankAccount()},
 * {@link PartnerDetails#bankAccount()}) and the bulk read {@link PartnerService#findAll}.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.partnerfinance.partner.api;
