package org.partnerfinance.ui.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/** Title of a {@link Screen} (menu and page) or of a {@link DashboardWidget} (card): service property {@code pf.ui.title}. */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Title {

    /** Prefix of the property name. */
    String PREFIX_ = "pf.ui.";

    String value();
}
