/**
 * Identity and authorization of portal users: who is calling ({@link org.partnerfinance.security.api.Caller}),
 * which roles exist ({@link org.partnerfinance.security.api.Role}), the user directory with password login,
 * the checks every service performs before it reads or writes partner-scoped data ({@link org.partnerfinance.security.api.Access})
 * and personal API tokens ({@link org.partnerfinance.security.api.ApiTokens}).
 */
@org.osgi.annotation.versioning.Version("2.0.0")
package org.partnerfinance.security.api;
