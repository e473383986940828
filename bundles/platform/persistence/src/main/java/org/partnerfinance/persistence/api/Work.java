package org.partnerfinance.persistence.api;

/**
 * A piece of work run inside a unit of work. Callers implement it (usually as a lambda): it is a consumer type, the
 * default for an interface without {@code @ProviderType}, so it never gains abstract methods in a minor version.
 */
@FunctionalInterface
public interface Work<T> {
    T run() throws Exception;
}
