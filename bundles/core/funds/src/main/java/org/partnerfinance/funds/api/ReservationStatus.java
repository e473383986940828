package org.partnerfinance.funds.api;

/**
 * Where a reservation stands: {@code RESERVED} on pre-approval, {@code APPROVED} when the claim that consumes it is
 * approved (for its approved amount), {@code PAID} when that claim is paid, {@code RELEASED} when the reservation was
 * given back unused.
 */
public enum ReservationStatus { RESERVED, APPROVED, PAID, RELEASED }
