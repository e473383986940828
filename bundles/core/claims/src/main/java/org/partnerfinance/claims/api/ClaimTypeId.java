package org.partnerfinance.claims.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The id of a {@link ClaimType}, stored with every claim of the type, e.g. {@code expense}: service property
 * {@code pf.claim.type.id}. With it and {@link ClaimTypeName} the claims core lists and names the type from its service
 * properties; {@link ClaimType#id()} is asked only for a type registered without it.
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ClaimTypeId {

    /** Prefix of the property name. */
    String PREFIX_ = "pf.";

    /** The service property this annotation sets ({@code pf.claim.type.id}), for whoever reads a type's id without activating it. */
    String PROPERTY = "pf.claim.type.id";

    String value();
}
