package org.partnerfinance.connectors.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Partner Finance Portal: imports",
        description = "Limits of the files import connectors read (etc/org.partnerfinance.connectors.cfg).")
@interface ConnectorsConfiguration {

    @AttributeDefinition(name = "File size limit (MB)",
            description = "A file larger than this is refused as soon as the limit is passed; nothing of it is "
                    + "read beyond. Connectors stream, so the limit is about what the operator accepts, not memory.")
    long max_file_mb() default 1024;
}
