/**
 * Helpers shared by the documents screens (partner and finance views): badges, money and date formatting, the lazy
 * paged data provider, failure messages and SVG text escaping.
 */
package org.partnerfinance.documents.ui.internal.common;
