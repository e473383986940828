package org.partnerfinance.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.partnerfinance.security.api.ApiTokens;

/** {@code pf:token-revoke <id>}: revokes any user's REST API token by its id (see {@code pf:token-list}). */
@Service
@Command(scope = "pf", name = "token-revoke", description = "Revokes a REST API token by its id.")
public class TokenRevokeCommand implements Action {

    @Reference
    ApiTokens tokens;

    @Argument(index = 0, name = "id", required = true, description = "The token's id, as pf:token-list shows it")
    String id;

    @Override
    public Object execute() {
        TokenCommands.revoke(tokens, OperatorCaller.current(), id, System.out);
        return null;
    }
}
