package org.partnerfinance.ui.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Sessions and HTTP of the portal's web context (PID {@code org.partnerfinance.ui}, file
 * {@code etc/org.partnerfinance.ui.cfg}). Read by {@link HttpSecurityFilter}; changes apply to the next request.
 */
@ObjectClassDefinition(name = "Partner Finance Portal - Sessions and HTTP",
        description = "Session timeouts, trusted reverse proxies and the request size limit of the portal's web UI.")
public @interface HttpConfig {

    @AttributeDefinition(name = "Idle timeout (minutes)",
            description = "A session without user interaction for this long ends; server push and Vaadin's "
                    + "heartbeat do not count as interaction.", min = "1")
    int session_idle_timeout_minutes() default 30;

    @AttributeDefinition(name = "Absolute lifetime (minutes)",
            description = "A session ends this long after it began (after sign-in), however active it is.",
            min = "1")
    int session_max_lifetime_minutes() default 12 * 60;

    @AttributeDefinition(name = "Trusted proxies",
            description = "Addresses (e.g. 10.0.0.5, ::1) or networks (e.g. 10.0.0.0/8) of reverse proxies whose "
                    + "Forwarded / X-Forwarded-For / X-Forwarded-Proto headers are believed. Empty: the headers are "
                    + "ignored and the TCP peer is the client.")
    String[] trusted_proxies() default {};

    @AttributeDefinition(name = "Request size limit (MB)",
            description = "Request bodies larger than this are refused (by Content-Length) or cut off while they "
                    + "are read (chunked bodies). Must exceed the largest upload the portal accepts.", min = "1")
    int max_request_size_mb() default 25;
}
