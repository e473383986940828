package org.partnerfinance.funds.api;

/** An allocation is active until its expiry date has passed and the expiry run released what was left of it. */
public enum AllocationStatus { ACTIVE, EXPIRED }
