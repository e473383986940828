package org.partnerfinance.extensions.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the feature toggles, PID {@code org.partnerfinance.toggles}. */
@ObjectClassDefinition(name = "Partner Finance feature toggles",
        description = "Extensions switched off at run time. Written by the Extensions screen and the pf:disable / "
                + "pf:enable shell commands; may also be edited in etc/org.partnerfinance.toggles.cfg.")
@interface ToggleConfiguration {

    @AttributeDefinition(name = "Disabled extensions",
            description = "Extension ids (service property pf.extension.id) that are switched off.")
    String[] disabled() default {};
}
