/**
 * Notifications of portal users: what the bell shows ({@link org.partnerfinance.notifications.api.Notifications},
 * for the signed-in user), how other bundles notify users by name or by role and partner
 * ({@link org.partnerfinance.notifications.api.Notifier}), the e-mail preferences per kind and the Event Admin topic
 * announcing new or read notifications ({@link org.partnerfinance.notifications.api.NotificationEvents}).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.partnerfinance.notifications.api;
