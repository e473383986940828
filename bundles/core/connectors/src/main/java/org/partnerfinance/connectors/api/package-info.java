/**
 * The connector extension point: a connector bundle brings documents and payments in (import) or sends them out
 * (export) in one format; the portal's core owns the runs (who, when, which file, what came of every document), keeps
 * every import idempotent and all-or-nothing per document, and offers the ways in (console, screen, REST).
 *
 * <p>A connector is a DS component publishing {@link ImportConnector} or an {@link ExportConnector} with its
 * configuration described by OSGi Metatype. It never writes to the database itself: it parses and hands each document
 * to the {@link ImportSink} the core gives it, or, for items that act on what is in the portal already (a bank
 * statement entry confirming a payment), hands the sink an {@link ItemWork} that the core runs in the item's unit of
 * work on behalf of the person running the import (1.1).
 *
 * <p>The core keeps each run's file for a configured time, so that a run can be retried and its file downloaded
 * ({@link ImportService#retry}, {@link ImportService#runFile}, 1.2).
 *
 * <p>Also in 1.2, the export side: an {@link ExportConnector} writes a {@link PaymentOrder} (credit transfers to
 * partners that finance selected) in its format; the {@link ExportService} checks the selection, marks the payments
 * as sent to the bank, keeps the file and records the {@link ExportRun}, in one unit of work.
 *
 * <p>1.3 adds the export of receivables: a {@link DocumentExportConnector} writes one of the company's invoices or
 * credit notes to a partner ({@link ReceivableExport}) in its format, e.g. Peppol BIS Billing 3.0 UBL;
 * {@link ExportService#exportDocuments} authorizes (finance only), writes one file per document (several in one zip),
 * and records and audits the run like a payment order's ({@link ExportRun#documentIds()}).
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.partnerfinance.connectors.api;
