package org.partnerfinance.ui.internal;

import java.lang.annotation.Annotation;

/** Typed configurations for tests. */
final class Configs {

    private Configs() {
    }

    static HttpConfig http(int idleMinutes, int lifetimeMinutes, String[] trustedProxies, int maxRequestMb) {
        return new HttpConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HttpConfig.class;
            }

            @Override
            public int session_idle_timeout_minutes() {
                return idleMinutes;
            }

            @Override
            public int session_max_lifetime_minutes() {
                return lifetimeMinutes;
            }

            @Override
            public String[] trusted_proxies() {
                return trustedProxies;
            }

            @Override
            public int max_request_size_mb() {
                return maxRequestMb;
            }
        };
    }
}
