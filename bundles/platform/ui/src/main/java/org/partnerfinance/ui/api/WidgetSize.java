package org.partnerfinance.ui.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/** Width of a {@link DashboardWidget} in grid columns, 1 (narrow, the default) to 3: service property {@code pf.ui.widget.size}. */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WidgetSize {

    /** Prefix of the property name. */
    String PREFIX_ = "pf.ui.";

    int value();
}
