package org.partnerfinance.connector.pain001.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The company's own account that pays the partners (etc/org.partnerfinance.connector.pain001.cfg). Nothing here is a
 * secret: the bank authenticates the file when it is uploaded, outside the portal.
 */
@ObjectClassDefinition(name = "Partner Finance Portal: ISO 20022 pain.001 connector",
        description = "Payment orders for the bank (credit transfer initiation pain.001.001.09) from the scheduled "
                + "payments to partners that finance selects; the debtor is the company's account configured here.")
@interface Pain001Configuration {

    @AttributeDefinition(name = "Debtor name", description = "The company's name as its bank knows the account "
            + "holder (at most 140 characters); exports are refused while it is empty")
    String debtor_name() default "";

    @AttributeDefinition(name = "Debtor IBAN", description = "The IBAN of the company's account the payments are "
            + "made from; exports are refused while it is empty or not a valid IBAN")
    String debtor_iban() default "";

    @AttributeDefinition(name = "Debtor BIC", description = "The BIC of the company's bank (8 or 11 characters); "
            + "empty: NOTPROVIDED, as banks accept for accounts they hold themselves")
    String debtor_bic() default "";

    @AttributeDefinition(name = "Initiating party", description = "Who initiates the order, as agreed with the "
            + "bank; empty: the debtor name")
    String initiating_party() default "";

    @AttributeDefinition(name = "Charge bearer", description = "ChrgBr of every payment block: SLEV (SEPA), SHAR, "
            + "DEBT, CRED; empty: not stated (the bank's default)")
    String charge_bearer() default "";
}
