package org.partnerfinance.rest.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import org.partnerfinance.rest.api.RestException;
import org.partnerfinance.rest.api.RestRequest;
import org.partnerfinance.security.api.Caller;

/** Reading ids, dates and enumerations from paths and query parameters the same way in every resource. */
final class Params {

    private Params() {
    }

    /** A numeric id from the path; anything else is an id that does not exist (404, as a missing record). */
    static long id(String segment, String what) {
        try {
            long id = Long.parseLong(segment);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw RestException.notFound("There is no " + what + " " + segment + ".");
    }

    static Optional<LocalDate> date(RestRequest request, String name) {
        Optional<String> text = request.parameter(name);
        try {
            return text.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw RestException.badRequest(name, name + " must be a date like 2026-03-31.");
        }
    }

    /** An enumeration constant from its API spelling, e.g. {@code partially-settled} or {@code credit_note}. */
    static <E extends Enum<E>> E constant(Class<E> type, String value, String field) {
        String wanted = value.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(spell(e));
        }
        throw RestException.invalid(field, field + " must be one of: " + allowed + ".");
    }

    static <E extends Enum<E>> Optional<E> constant(RestRequest request, Class<E> type, String name) {
        return request.parameter(name).map(v -> {
            try {
                return constant(type, v, name);
            } catch (RestException e) {
                throw RestException.badRequest(name, e.getMessage());
            }
        });
    }

    /** The API spelling of an enumeration constant: lower case with '-', e.g. {@code partially-settled}. */
    static String spell(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The partner filter of a list. A partner user naming another partner gets the same 404 as for a partner that
     * does not exist; without a filter a partner user gets their own.
     */
    static Optional<String> partnerFilter(RestRequest request, String name) {
        Caller caller = request.caller();
        Optional<String> given = request.parameter(name);
        if (caller.isPartner()) {
            if (given.isPresent() && !given.get().equals(caller.partnerId())) {
                throw RestException.notFound("There is no partner " + given.get() + ".");
            }
            return Optional.of(caller.partnerId());
        }
        return given;
    }
}
