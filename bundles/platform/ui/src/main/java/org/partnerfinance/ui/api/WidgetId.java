package org.partnerfinance.ui.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Id of a {@link DashboardWidget}: service property {@code pf.ui.widget.id}. A widget service with this property is
 * described by its properties alone ({@link Title}, {@link Roles}, {@link Order}, {@link WidgetSize}): the shell lays
 * out dashboards without creating the service.
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WidgetId {

    /** Prefix of the property name. */
    String PREFIX_ = "pf.ui.";

    String value();
}
