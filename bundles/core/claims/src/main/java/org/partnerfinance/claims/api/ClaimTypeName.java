package org.partnerfinance.claims.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/** The name of a {@link ClaimType} shown to people, e.g. {@code Expense reimbursement}: service property {@code pf.claim.type.name}. */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ClaimTypeName {

    /** Prefix of the property name. */
    String PREFIX_ = "pf.";

    /** The service property this annotation sets ({@code pf.claim.type.name}), for whoever reads a type's name without activating it. */
    String PROPERTY = "pf.claim.type.name";

    String value();
}
