/**
 * The UI extension points: bundles contribute {@link org.partnerfinance.ui.api.Screen}s (menu entries with a route) and
 * {@link org.partnerfinance.ui.api.DashboardWidget}s as services; the shell composes menu, routes and dashboard from
 * whatever is installed and enabled, live. {@link org.partnerfinance.ui.api.LiveUpdates} lets any bundle tell open views
 * that their data changed.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.partnerfinance.ui.api;
