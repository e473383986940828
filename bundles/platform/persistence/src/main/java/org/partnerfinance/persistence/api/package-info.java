/**
 * Persistence services shared by every domain bundle: one unit of work spanning bundles ({@link UnitOfWork}), and
 * per-bundle persistence units with schema migrations ({@link PersistenceService}, {@link Jpa}).
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.partnerfinance.persistence.api;
