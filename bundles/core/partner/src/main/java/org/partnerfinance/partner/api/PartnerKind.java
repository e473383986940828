package org.partnerfinance.partner.api;

public enum PartnerKind { DISTRIBUTOR, RESELLER, VENDOR }
