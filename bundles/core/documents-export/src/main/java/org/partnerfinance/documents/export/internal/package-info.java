/** The PDF and CSV renderer of documents and statements (Apache PDFBox, Apache Commons CSV). */
package org.partnerfinance.documents.export.internal;
