package org.partnerfinance.connectors.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI fragments of this bundle's resources, kept as JSON files in the bundle ({@code openapi/}). */
final class Fragments {

    private Fragments() {
    }

    static String load(String name) {
        try (InputStream in = Fragments.class.getResourceAsStream("/openapi/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI fragment " + name + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
