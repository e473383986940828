package org.partnerfinance.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.partnerfinance.security.api.ApiTokens;

/** {@code pf:token-list <username>}: a user's REST API tokens that are not revoked (never their secrets). */
@Service
@Command(scope = "pf", name = "token-list", description = "Lists a portal user's REST API tokens (not the secrets).")
public class TokenListCommand implements Action {

    @Reference
    ApiTokens tokens;

    @Argument(index = 0, name = "username", required = true, description = "The portal user")
    String username;

    @Override
    public Object execute() {
        TokenCommands.list(tokens, OperatorCaller.current(), username, System.out);
        return null;
    }
}
