/** The append-only, hash-chained audit trail of every state change. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.partnerfinance.audit.api;
