package org.partnerfinance.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.partnerfinance.security.api.UserDirectory;

/**
 * {@code pf:user-add <username> <role> [<partner-id>]}: creates a portal user with a generated one-time password and
 * prints it once. This is how an installation gets its first administrator; whoever signs in with the one-time
 * password must choose a new one before anything else.
 */
@Service
@Command(scope = "pf", name = "user-add",
        description = "Creates a portal user and prints a one-time password (the user chooses a new one at the first "
                + "sign-in).")
public class UserAddCommand implements Action {

    @Reference
    UserDirectory users;

    @Argument(index = 0, name = "username", required = true,
            description = "User name: 2 to 64 characters, a-z, 0-9, '.', '_' or '-'")
    String username;

    @Argument(index = 1, name = "role", required = true,
            description = "Role id, or several separated by commas: administrator, finance-manager, "
                    + "finance-reviewer, integrator, partner-user, partner-admin")
    String role;

    @Argument(index = 2, name = "partner-id", required = false,
            description = "Partner organisation of a partner-user or partner-admin, e.g. P-1001")
    String partnerId;

    @Option(name = "-n", aliases = "--name", description = "Full name to show (default: the user name)")
    String displayName;

    @Override
    public Object execute() {
        UserCommands.add(users, OperatorCaller.current(), username, role, partnerId, displayName, System.out);
        return null;
    }
}
