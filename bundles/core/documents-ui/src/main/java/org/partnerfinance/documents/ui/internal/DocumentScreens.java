package org.partnerfinance.documents.ui.internal;

/** What the documents screens share: extension id, roles, routes. */
final class DocumentScreens {

    static final String EXTENSION_ID = "pf-documents-ui";
    static final String EXTENSION_NAME = "Invoices, payments and statements";

    static final String INVOICES = "documents";
    static final String DETAIL = "documents/detail";
    static final String PAYMENTS = "payments";
    static final String PAYMENT_DETAIL = "payments/detail";
    static final String STATEMENT = "statement";

    private DocumentScreens() {
    }

    static String detail(long documentId) {
        return DETAIL + "?id=" + documentId;
    }

    static String paymentDetail(long paymentId) {
        return PAYMENT_DETAIL + "?id=" + paymentId;
    }
}
