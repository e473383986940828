package org.partnerfinance.connectors.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One watched folder (factory PID {@value WatchedFolder#FACTORY_PID}, a file
 * {@code etc/org.partnerfinance.connectors.watch-<name>.cfg} per folder): files that appear in it are imported with
 * one connector and then moved aside with their run report.
 */
@ObjectClassDefinition(name = "Partner Finance Portal: watched import folder",
        description = "Imports every file that lands in a folder with one connector, then moves it to processed/ or "
                + "failed/ beside a report of its run (etc/org.partnerfinance.connectors.watch-<name>.cfg).")
@interface WatchedFolderConfiguration {

    @AttributeDefinition(name = "Connector", description = "Id of the import connector that reads the files, e.g. "
            + "csv or camt. While it is not installed or switched off, files wait in the folder.")
    String connector();

    @AttributeDefinition(name = "Folder", description = "The folder to watch; a relative path is taken from the "
            + "portal's home (karaf.home). It is created if missing, with processed/ and failed/ inside.")
    String folder();

    @AttributeDefinition(name = "File pattern", description = "Glob of the file names to import, e.g. *.csv or "
            + "*.{xml,camt}. Hidden files and names ending in .tmp or .part are never imported: write a file under "
            + "such a name and rename it when it is complete.")
    String pattern() default "*";

    @AttributeDefinition(name = "Scan interval (seconds)", description = "How often the folder is looked at. A file "
            + "is imported once its size and modification time have not changed between two scans.", min = "1")
    int interval_seconds() default 30;
}
