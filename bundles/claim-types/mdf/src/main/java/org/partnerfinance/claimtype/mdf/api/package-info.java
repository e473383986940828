/**
 * Market development funds beyond the two claim types: {@link MdfRequestSweep}, which closes approved pre-approval
 * requests whose claim window passed and gives their reserved funds back.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.partnerfinance.claimtype.mdf.api;
