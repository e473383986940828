package org.partnerfinance.rest.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.rest.api.RestException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The API's JSON: money as {@code {"amount":"123.45","currency":"EUR"}} and every other {@code BigDecimal} as a
 * decimal string (JavaScript clients would round numbers to doubles), dates and instants as ISO-8601 text, record
 * components by name. Request bodies are read with decimals as {@code BigDecimal} and within limits on nesting and
 * number length, so a small body cannot become a large amount of work.
 */
final class Json {

    /** Deepest nesting of a request body; the API's bodies need 3 or 4 levels. */
    static final int MAX_DEPTH = 20;
    /** Longest number in a request body, in characters. */
    static final int MAX_NUMBER = 40;

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    Json() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(MAX_NUMBER)
                        .maxStringLength(1_000_000)
                        .build())
                .build();
        SimpleModule money = new SimpleModule("pf-money");
        money.addSerializer(Money.class, new MoneySerializer());
        money.addSerializer(BigDecimal.class, new DecimalSerializer());
        this.mapper = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addModule(money)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Writes an answer body. */
    byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An answer could not be written as JSON", e);
        }
    }

    /**
     * Reads a request body that must be one JSON object.
     *
     * @throws RestException 400 when it is empty, not JSON, not an object or beyond the limits
     */
    Map<String, Object> readObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw RestException.badRequest(null, "The request needs a JSON object as its body.");
        }
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw RestException.badRequest(null, "The body must be a JSON object.");
            }
            Map<String, Object> value = mapper.readValue(parser, OBJECT);
            if (parser.nextToken() != null) {
                throw RestException.badRequest(null, "The body must be one JSON object and nothing after it.");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw RestException.badRequest(null, "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RestException.badRequest(null, "The body could not be read.");
        }
    }

    /** Parses a JSON object text (OpenAPI fragments). */
    Map<String, Object> parseObject(String text) throws JsonProcessingException {
        return mapper.readValue(text, OBJECT);
    }

    ObjectMapper mapper() {
        return mapper;
    }

    private static final class MoneySerializer extends JsonSerializer<Money> {
        @Override
        public void serialize(Money value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("amount", value.amount().toPlainString());
            gen.writeStringField("currency", value.currency().getCurrencyCode());
            gen.writeEndObject();
        }
    }

    private static final class DecimalSerializer extends JsonSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider serializers)
                throws IOException {
            gen.writeString(value.toPlainString());
        }
    }
}
