package org.partnerfinance.ui.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Position of a {@link Screen} within its menu section or of a {@link DashboardWidget} on the dashboard, low first:
 * service property {@code pf.ui.order}. Without it the position is 0.
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Order {

    /** Prefix of the property name. */
    String PREFIX_ = "pf.ui.";

    int value();
}
