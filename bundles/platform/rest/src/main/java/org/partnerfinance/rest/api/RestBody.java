package org.partnerfinance.rest.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.partnerfinance.ledger.api.Money;

/**
 * A JSON request body (an object) with typed access to its fields. Every accessor refuses a value of the wrong type
 * with a 422 naming the field, so resources never guess. Numbers arrive as {@code BigDecimal}/{@code Integer}/
 * {@code Long} (never {@code double}); decimals are accepted as JSON numbers or as decimal strings.
 */
public final class RestBody {

    private final Map<String, Object> fields;
    private final String path;

    /**
     * @param fields the parsed object: values are {@code null}, {@code String}, {@code Boolean}, {@code Number},
     *               {@code List} or {@code Map}
     */
    public RestBody(Map<String, Object> fields) {
        this(fields, "");
    }

    private RestBody(Map<String, Object> fields, String path) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.path = path;
    }

    /** The fields as parsed. */
    public Map<String, Object> asMap() {
        return fields;
    }

    /** Whether the field is present and not {@code null}. */
    public boolean has(String field) {
        return fields.get(field) != null;
    }

    /** A text field; empty when absent, {@code null} or blank. */
    public Optional<String> string(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s)) {
            throw RestException.invalid(name(field), name(field) + " must be a string.");
        }
        return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    /** A text field that must be present and not blank. */
    public String requiredString(String field) {
        return string(field).orElseThrow(() -> missing(field));
    }

    /** A decimal given as a JSON number or a decimal string, e.g. {@code "123.45"}. */
    public Optional<BigDecimal> decimal(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof BigDecimal d) {
            return Optional.of(d);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            return Optional.of(new BigDecimal(value.toString()));
        }
        if (value instanceof String s && s.length() <= 40) {
            try {
                return Optional.of(new BigDecimal(s.strip()));
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw RestException.invalid(name(field), name(field) + " must be a decimal number, e.g. \"123.45\".");
    }

    /** A whole number. */
    public Optional<Integer> integer(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Integer i) {
            return Optional.of(i);
        }
        throw RestException.invalid(name(field), name(field) + " must be a whole number.");
    }

    /** A boolean. */
    public Optional<Boolean> bool(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        throw RestException.invalid(name(field), name(field) + " must be true or false.");
    }

    /** An ISO date, e.g. {@code "2026-03-31"}. */
    public Optional<LocalDate> date(String field) {
        Optional<String> text = string(field);
        try {
            return text.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw RestException.invalid(name(field), name(field) + " must be a date like 2026-03-31.");
        }
    }

    /** A list of strings; empty when absent. */
    public List<String> strings(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            List<String> result = new ArrayList<>();
            list.forEach(o -> result.add(((String) o).strip()));
            return List.copyOf(result);
        }
        throw RestException.invalid(name(field), name(field) + " must be a list of strings.");
    }

    /** A nested object. */
    @SuppressWarnings("unchecked")
    public Optional<RestBody> object(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            return Optional.of(new RestBody((Map<String, Object>) map, name(field) + "."));
        }
        throw RestException.invalid(name(field), name(field) + " must be an object.");
    }

    /** A list of objects; empty when absent. */
    @SuppressWarnings("unchecked")
    public List<RestBody> objects(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
            List<RestBody> result = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                result.add(new RestBody((Map<String, Object>) list.get(i), name(field) + "[" + i + "]."));
            }
            return List.copyOf(result);
        }
        throw RestException.invalid(name(field), name(field) + " must be a list of objects.");
    }

    /** Money as {@code {"amount": "123.45", "currency": "EUR"}}. */
    public Optional<Money> money(String field) {
        Optional<RestBody> object = object(field);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        RestBody m = object.get();
        BigDecimal amount = m.decimal("amount").orElseThrow(() -> m.missing("amount"));
        String currency = m.requiredString("currency");
        try {
            return Optional.of(Money.of(amount, currency));
        } catch (IllegalArgumentException e) {
            throw RestException.invalid(name(field), e.getMessage());
        }
    }

    /** The 422 for a required field that is missing. */
    public RestException missing(String field) {
        return RestException.invalid(name(field), name(field) + " is required.");
    }

    /** The field's full name, e.g. {@code lines[2].quantity} inside a list. */
    public String name(String field) {
        return path + field;
    }
}
