package org.partnerfinance.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.partnerfinance.security.api.ApiTokens;

/**
 * {@code pf:token-create <username> [<name>]}: creates a REST API token that acts as the given user and prints it
 * once, e.g. for the technical user of an integration. The token has that user's roles, nothing more.
 */
@Service
@Command(scope = "pf", name = "token-create",
        description = "Creates a REST API token for a portal user and prints it once.")
public class TokenCreateCommand implements Action {

    @Reference
    ApiTokens tokens;

    @Argument(index = 0, name = "username", required = true, description = "The portal user the token acts as")
    String username;

    @Argument(index = 1, name = "name", required = false,
            description = "What the token is for, e.g. \"ERP export\" (default: created at the console)")
    String name;

    @Option(name = "-d", aliases = "--days", description = "The token stops working after this many days "
            + "(default: it does not expire)")
    Integer days;

    @Override
    public Object execute() {
        TokenCommands.create(tokens, OperatorCaller.current(), username, name, days, System.out);
        return null;
    }
}
