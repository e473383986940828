package org.partnerfinance.claims.api;

public enum ComplianceOutcome { PASS, WARN, FAIL }
