package org.partnerfinance.persistence.api;

/** A piece of work run inside a unit of work. */
@FunctionalInterface
public interface Work<T> {
    T run() throws Exception;
}
