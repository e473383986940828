package org.partnerfinance.ui.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

import com.vaadin.flow.component.icon.VaadinIcon;

/** Menu icon of a {@link Screen}: service property {@code pf.ui.icon}, the name of the icon constant. */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Icon {

    /** Prefix of the property name. */
    String PREFIX_ = "pf.ui.";

    VaadinIcon value();
}
