package org.partnerfinance.persistence.internal;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader handed to EclipseLink for one persistence unit. Classes are looked up first in the owning bundle
 * (entities, converters, listeners), then in EclipseLink itself and in this bundle: EclipseLink loads some of its own
 * classes by name through the unit's class loader (database platform of {@code eclipselink.target-database}, the
 * session logger, the JPQL parser), and the owning bundle does not import those packages. Resources (mapping files)
 * are only looked up in the owning bundle.
 */
final class UnitClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader owner;
    private final List<ClassLoader> fallbacks;

    UnitClassLoader(String unit, ClassLoader owner, List<ClassLoader> fallbacks) {
        super("persistence-unit-" + unit, null);
        this.owner = owner;
        this.fallbacks = List.copyOf(fallbacks);
    }

    ClassLoader owner() {
        return owner;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        try {
            return owner.loadClass(name);
        } catch (ClassNotFoundException first) {
            for (ClassLoader fallback : fallbacks) {
                try {
                    return fallback.loadClass(name);
                } catch (ClassNotFoundException ignored) {
                    // try the next one
                }
            }
            throw first;
        }
    }

    @Override
    public URL getResource(String name) {
        return owner.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return owner.getResources(name);
    }
}
