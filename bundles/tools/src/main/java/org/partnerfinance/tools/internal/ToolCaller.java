package org.partnerfinance.tools.internal;

import java.util.EnumSet;

import org.apache.karaf.shell.support.ShellUtil;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * The portal identity of a Karaf shell user running a tool. Shell users are operators (Karaf authenticated them; its
 * command ACLs decide who may run which command). The generator loads data the way an integration would and maintains
 * the exchange rates its currencies need, so it acts as administrator, integrator and finance manager; the user name is
 * prefixed so audit records never confuse an operator with a portal user of the same name.
 */
final class ToolCaller {

    static final String PREFIX = "shell:";

    private ToolCaller() {
    }

    static Caller current() {
        String user = ShellUtil.getCurrentUserName();
        String name = user == null || user.isBlank() ? "operator" : user.trim();
        return new Caller(PREFIX + name, name + " (Karaf shell)",
                EnumSet.of(Role.ADMINISTRATOR, Role.INTEGRATOR, Role.FINANCE_MANAGER), null);
    }
}
