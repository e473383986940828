/**
 * The connector extension point: a connector bundle brings documents and payments in (import) or sends them out
 * (export) in one format; the portal's core owns the runs (who, when, which file, what came of every document), keeps
 * every import idempotent and all-or-nothing per document, and offers the ways in (console, screen, REST).
 *
 * <p>A connector is a DS component publishing {@link ImportConnector} (or, later, an export connector) with its
 * configuration described by OSGi Metatype. It never writes to the database itself: it parses and hands each document
 * to the {@link ImportSink} the core gives it.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.partnerfinance.connectors.api;
