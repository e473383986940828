package org.partnerfinance.ui.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The route of a {@link Screen}: service property {@code pf.ui.screen.path}, a path without leading slash, e.g.
 * {@code claims/detail}. A screen service with this property is described by its properties alone ({@link Title},
 * {@link Icon}, {@link Section}, {@link Order}, {@link Roles}): the shell builds menu and routes without creating the
 * service, and only asks it for content when someone opens the screen.
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ScreenPath {

    /** Prefix of the property name. */
    String PREFIX_ = "pf.ui.";

    /** Route path, e.g. {@code claims/new/expense}. */
    String value();
}
