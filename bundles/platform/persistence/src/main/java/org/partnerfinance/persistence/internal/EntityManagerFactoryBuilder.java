package org.partnerfinance.persistence.internal;

import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.eclipse.persistence.jpa.PersistenceProvider;
import org.partnerfinance.persistence.api.PersistenceException;

/** Creates EclipseLink EntityManagerFactories from code (no persistence.xml) over the transaction-aware DataSource. */
final class EntityManagerFactoryBuilder {

    /** Interface every statically woven entity class implements. */
    private static final String WOVEN_MARKER = "org.eclipse.persistence.internal.weaving.PersistenceWeaved";

    private final DataSource dataSource;
    private final DatabaseKind kind;
    private final AtomicLong sequence = new AtomicLong();

    EntityManagerFactoryBuilder(DataSource dataSource, DatabaseKind kind) {
        this.dataSource = dataSource;
        this.kind = kind;
    }

    EntityManagerFactory create(String unit, ClassLoader ownerLoader, URL rootUrl, List<String> entityClasses) {
        ClassLoader loader = new UnitClassLoader(unit, ownerLoader, List.of(
                PersistenceProvider.class.getClassLoader(),
                org.eclipse.persistence.sessions.Session.class.getClassLoader(),
                EntityManagerFactoryBuilder.class.getClassLoader()));
        Map<String, Object> props = properties(unit, woven(ownerLoader, entityClasses));
        Properties p = new Properties();
        p.putAll(props);
        UnitInfo info = new UnitInfo(unit, rootUrl, entityClasses, dataSource, loader, p);
        try {
            return new PersistenceProvider().createContainerEntityManagerFactory(info, props);
        } catch (RuntimeException e) {
            throw new PersistenceException("Cannot create the EntityManagerFactory of persistence unit '" + unit + "': "
                    + e.getMessage(), e);
        }
    }

    Map<String, Object> properties(String unit, boolean staticallyWoven) {
        Map<String, Object> props = new HashMap<>();
        // One EclipseLink session per opened unit: EclipseLink keys its deployed sessions globally by name.
        props.put("eclipselink.session-name", unit + "-" + Integer.toHexString(System.identityHashCode(this)) + "-"
                + sequence.incrementAndGet());
        // No shared (second level) cache: a rolled-back unit of work or a second node would otherwise serve stale data.
        props.put("eclipselink.cache.shared.default", "false");
        props.put("eclipselink.ddl-generation", "none");
        props.put("eclipselink.weaving", staticallyWoven ? "static" : "false");
        props.put("eclipselink.target-server", "None");
        props.put("eclipselink.deploy-on-startup", "true");
        props.put("eclipselink.logging.logger", Slf4jSessionLog.class.getName());
        props.put("eclipselink.logging.level", "WARNING");
        props.put("eclipselink.logging.timestamp", "false");
        props.put("eclipselink.logging.thread", "false");
        props.put("eclipselink.logging.session", "false");
        props.put("eclipselink.validation-only", "false");
        if (kind.eclipseLinkTarget() != null) {
            props.put("eclipselink.target-database", kind.eclipseLinkTarget());
        }
        return props;
    }

    /** Whether the unit's entities were woven at build time (they then implement EclipseLink's marker interface). */
    static boolean woven(ClassLoader loader, List<String> entityClasses) {
        if (entityClasses.isEmpty()) {
            return false;
        }
        try {
            Class<?> first = Class.forName(entityClasses.get(0), false, loader);
            for (Class<?> i : first.getInterfaces()) {
                if (i.getName().equals(WOVEN_MARKER)) {
                    return true;
                }
            }
            return false;
        } catch (ClassNotFoundException e) {
            throw new PersistenceException("Entity class " + entityClasses.get(0) + " not found: " + e.getMessage(), e);
        }
    }
}
