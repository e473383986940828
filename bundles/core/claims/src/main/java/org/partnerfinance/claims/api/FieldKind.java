package org.partnerfinance.claims.api;

/** Kinds of type-specific claim fields. Values are stored as text: ISO dates, plain decimals, choice keys. */
public enum FieldKind { TEXT, LONG_TEXT, DATE, DECIMAL, CHOICE }
