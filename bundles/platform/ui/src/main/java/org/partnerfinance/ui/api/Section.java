package org.partnerfinance.ui.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The menu section of a {@link Screen}: service property {@code pf.ui.section}. A screen without it has no menu entry
 * (detail pages reached through links).
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Section {

    /** Prefix of the property name. */
    String PREFIX_ = "pf.ui.";

    MenuSection value();
}
