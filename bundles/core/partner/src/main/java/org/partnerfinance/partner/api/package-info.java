/** Partner organisations: distributors, resellers and vendors. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.partnerfinance.partner.api;
