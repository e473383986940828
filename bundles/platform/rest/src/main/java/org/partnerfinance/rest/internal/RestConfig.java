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
}
