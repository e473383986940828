package org.partnerfinance.connector.camt;

import java.util.List;

/**
 * What a split of a bank entry may use (1.1): a partner's open invoices in the entry's currency and direction, oldest
 * due first, with the entry's amount proposed greedily across them.
 *
 * @param partnerId   the partner, {@code null} when the entry names none and none was chosen
 * @param partnerName its name, {@code null} when there is no partner
 * @param basis       why this partner, in words (the one chosen, the counterparty's account, the best suggestion)
 * @param documents   the partner's open invoices the entry may pay, oldest due first (at most 200)
 */
public record SplitProposal(String partnerId, String partnerName, String basis, List<SplitCandidate> documents) {

    public SplitProposal {
        documents = List.copyOf(documents);
    }
}
