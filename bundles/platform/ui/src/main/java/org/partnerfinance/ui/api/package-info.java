/**
 * The UI extension points: bundles contribute {@link org.partnerfinance.ui.api.Screen}s (menu entries with a route) and
 * {@link org.partnerfinance.ui.api.DashboardWidget}s as services; the shell composes menu, routes and dashboard from
 * whatever is installed and enabled, live.
 */
@org.osgi.annotation.versioning.Version("1.0.1")
package org.partnerfinance.ui.api;
