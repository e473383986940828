package org.partnerfinance.persistence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the portal database (PID {@code org.partnerfinance.persistence}, file {@code etc/org.partnerfinance.persistence.cfg}). */
@ObjectClassDefinition(
        name = "Partner Finance Portal - Database",
        description = "The database shared by every portal bundle. Changing the JDBC URL switches the database: "
                + "the persistence units of all bundles are closed, migrated on the new database and opened again.")
public @interface PersistenceConfig {

    /** Default URL pattern; {@code %s} is the Karaf data folder. */
    String DEFAULT_URL_PATTERN = "jdbc:derby:%s/derby/portal;create=true";

    @AttributeDefinition(name = "JDBC URL",
            description = "JDBC URL of the database. Empty: the embedded Derby database "
                    + "jdbc:derby:<karaf.data>/derby/portal;create=true. jdbc:derby: URLs use the embedded Derby "
                    + "engine; any other URL (e.g. jdbc:postgresql://host:5432/portal) needs a JDBC driver bundle that "
                    + "registers an org.osgi.service.jdbc.DataSourceFactory.")
    String jdbc_url() default "";

    @AttributeDefinition(name = "User", description = "Database user. Empty: none (embedded Derby needs none).")
    String jdbc_user() default "";

    /**
     * Key {@code .jdbc.password}: the leading dot keeps it private, i.e. out of the service properties of the
     * persistence service, where every bundle (and {@code service:list}) could read it.
     */
    @AttributeDefinition(name = "Password",
            description = "Database password (key .jdbc.password: private, never published as a service property).",
            type = AttributeType.PASSWORD)
    String _jdbc_password() default "";

    @AttributeDefinition(name = "Driver wait (seconds)",
            description = "For non-Derby URLs: how long a connection request waits for a matching JDBC driver "
                    + "(DataSourceFactory service) to appear before it fails, e.g. while Karaf is still starting.")
    int jdbc_driver_wait_seconds() default 30;

    @AttributeDefinition(name = "Pool size",
            description = "For non-Derby URLs: the most connections the portal keeps open to the database (each unit "
                    + "of work uses one while it runs; embedded Derby connections are not pooled).")
    int jdbc_pool_size() default 10;
}
