package org.partnerfinance.persistence.internal;

import java.net.URL;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;

/**
 * A persistence unit described in code instead of a persistence.xml: RESOURCE_LOCAL over the transaction-aware
 * DataSource, exactly the listed entity classes, no shared cache, no bean validation.
 */
final class UnitInfo implements PersistenceUnitInfo {

    static final String PROVIDER = "org.eclipse.persistence.jpa.PersistenceProvider";

    private final String name;
    private final URL rootUrl;
    private final List<String> managedClassNames;
    private final DataSource dataSource;
    private final ClassLoader classLoader;
    private final Properties properties;

    UnitInfo(String name, URL rootUrl, List<String> managedClassNames, DataSource dataSource, ClassLoader classLoader,
            Properties properties) {
        this.name = name;
        this.rootUrl = rootUrl;
        this.managedClassNames = List.copyOf(managedClassNames);
        this.dataSource = dataSource;
        this.classLoader = classLoader;
        this.properties = properties;
    }

    @Override
    public String getPersistenceUnitName() {
        return name;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return PROVIDER;
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        return rootUrl;
    }

    @Override
    public List<String> getManagedClassNames() {
        return managedClassNames;
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return properties;
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return classLoader;
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // No load-time weaving inside OSGi: entities are used as compiled (or statically woven at build time).
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return classLoader;
    }

    @Override
    public String toString() {
        return "persistence unit " + name + " " + managedClassNames;
    }
}
