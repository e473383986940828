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

    @AttributeDefinition(name = "Keep imported files (days)",
            description = "Every import's file is kept this long on the portal's disk, so that a run can be retried "
                    + "(after its connector was fixed or reconfigured, or the partners it rejected were created) and "
                    + "its file downloaded. 0 keeps none.", min = "0")
    int keep_originals_days() default 90;

    @AttributeDefinition(name = "Folder of imported files",
            description = "Where the imported files are kept; empty: pf-imports in the portal's data folder "
                    + "(karaf.data). A relative path is taken from the portal's home (karaf.home).")
    String originals_folder() default "";
}
