package org.partnerfinance.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The REST API's HTTP settings (PID {@code org.partnerfinance.rest}, file {@code etc/org.partnerfinance.rest.cfg}). */
@ObjectClassDefinition(name = "Partner Finance Portal - REST API",
        description = "Limits of the REST API at /api/v1.")
public @interface RestConfig {

    @AttributeDefinition(name = "Request size limit (KB)",
            description = "Request bodies larger than this are refused with 413 (by Content-Length, or when reading "
                    + "reaches the limit).", min = "1")
    int max_request_size_kb() default 1024;

    @AttributeDefinition(name = "Trusted proxies",
            description = "Exact addresses (e.g. 10.0.0.5, ::1) of reverse proxies in front of the portal. For "
                    + "requests from them, the last address of X-Forwarded-For is the client whose failed tokens are "
                    + "counted; otherwise the TCP peer is. Without it, behind a proxy every client shares one "
                    + "throttling counter.")
    String[] trusted_proxies() default {};
}
