package org.partnerfinance.ui.internal;

/**
 * Content of the main layout that shows shell state (widgets, extensions) and rebuilds itself when that state changes.
 * Called on the UI thread.
 */
interface LiveContent {

    void refresh();
}
