package org.partnerfinance.ui.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;
import org.partnerfinance.security.api.Role;

/**
 * The roles that see a {@link Screen} or {@link DashboardWidget}: service property {@code pf.ui.roles} (role names). A
 * contribution without roles is shown to nobody. Views hide what a role cannot do; services still check every call.
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Roles {

    /** Prefix of the property name. */
    String PREFIX_ = "pf.ui.";

    Role[] value();
}
