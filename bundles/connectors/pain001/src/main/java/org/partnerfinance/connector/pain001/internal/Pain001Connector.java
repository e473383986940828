package org.partnerfinance.connector.pain001.internal;

import java.io.OutputStream;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.connectors.api.ExportConnector;
import org.partnerfinance.connectors.api.ExportFormatException;
import org.partnerfinance.connectors.api.PaymentOrder;

/**
 * ISO 20022 credit transfer initiation ({@code pain.001.001.09}): the payment order finance hands to the bank for
 * scheduled payments to partners. The end-to-end id of each transfer is the payment's end-to-end reference, which the
 * bank reports back on its camt.053/054 statement, where the camt connector confirms the payment by it.
 */
@Component(service = ExportConnector.class, configurationPid = Pain001Connector.PID, property = {
        "pf.extension.id=" + Pain001Connector.ID,
        "pf.extension.kind=connector",
        "pf.extension.name=ISO 20022 pain.001 connector",
        "pf.extension.detail=Payment orders to the bank (pain.001.001.09) from scheduled payments to partners: "
                + "Finance → Payment orders, or pf:export pain001 <ids> <file>" })
@Designate(ocd = Pain001Configuration.class)
public class Pain001Connector implements ExportConnector {

    static final String ID = "pain001";
    static final String PID = "org.partnerfinance.connector.pain001";

    private volatile Pain001Configuration config;

    @Activate
    public Pain001Connector(Pain001Configuration config) {
        this.config = config;
    }

    @Modified
    void modified(Pain001Configuration config) {
        this.config = config;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "ISO 20022 credit transfers (pain.001)";
    }

    @Override
    public List<String> formats() {
        return List.of("pain.001.001.09");
    }

    @Override
    public String fileExtension() {
        return "xml";
    }

    @Override
    public String contentType() {
        return "application/xml";
    }

    @Override
    public void write(PaymentOrder order, OutputStream out) throws ExportFormatException {
        Pain001Configuration c = config;
        new Pain001Writer(Pain001Writer.debtor(c.debtor_name(), c.debtor_iban(), c.debtor_bic(),
                c.initiating_party(), c.charge_bearer())).write(order, out);
    }
}
