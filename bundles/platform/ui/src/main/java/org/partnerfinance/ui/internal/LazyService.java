package org.partnerfinance.ui.internal;

import java.util.function.Supplier;

import org.osgi.service.component.ComponentServiceObjects;

/**
 * A contributed service object, got from the framework the first time someone opens what it contributes (which is
 * when a delayed component is activated) and kept while the contribution is bound; DS releases it when the
 * contribution goes away.
 */
final class LazyService<S> implements Supplier<S> {

    private final ComponentServiceObjects<S> objects;
    private volatile S service;

    LazyService(ComponentServiceObjects<S> objects) {
        this.objects = objects;
    }

    @Override
    public S get() {
        S s = service;
        if (s == null) {
            synchronized (this) {
                s = service;
                if (s == null) {
                    s = objects.getService();
                    if (s == null) {
                        throw new IllegalStateException("The contribution is no longer available");
                    }
                    service = s;
                }
            }
        }
        return s;
    }
}
