package org.partnerfinance.shell.internal;

import java.util.EnumSet;

import org.apache.karaf.shell.support.ShellUtil;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * The portal identity of a Karaf shell user. Shell users are operators of the installation (Karaf authenticated them
 * and its command ACLs in {@code etc/org.apache.karaf.command.acl.pf.cfg} decide who may run which command), so they
 * act as administrators. The user name is prefixed so that audit records never confuse an operator with a portal user
 * of the same name.
 */
final class OperatorCaller {

    static final String PREFIX = "shell:";

    private OperatorCaller() {
    }

    /** The caller for the shell user running the current command. */
    static Caller current() {
        return forUser(ShellUtil.getCurrentUserName());
    }

    static Caller forUser(String shellUser) {
        String name = shellUser == null || shellUser.isBlank() ? "operator" : shellUser.trim();
        return new Caller(PREFIX + name, name + " (Karaf shell)", EnumSet.of(Role.ADMINISTRATOR), null);
    }
}
