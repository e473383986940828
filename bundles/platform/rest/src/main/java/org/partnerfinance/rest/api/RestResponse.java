package org.partnerfinance.rest.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A successful answer: a JSON body (any object the dispatcher can write, see {@link RestResource}) or a file.
 */
public final class RestResponse {

    private final int status;
    private final Object body;
    private final byte[] bytes;
    private final String contentType;
    private final String filename;

    private RestResponse(int status, Object body, byte[] bytes, String contentType, String filename) {
        this.status = status;
        this.body = body;
        this.bytes = bytes;
        this.contentType = contentType;
        this.filename = filename;
    }

    /** 200 with a JSON body. */
    public static RestResponse ok(Object body) {
        return new RestResponse(200, Objects.requireNonNull(body, "body"), null, null, null);
    }

    /** 201 with the created record as the JSON body. */
    public static RestResponse created(Object body) {
        return new RestResponse(201, Objects.requireNonNull(body, "body"), null, null, null);
    }

    /** 200 with {@code {"items": [...], "total": n}}: one page and the size of the whole list. */
    public static RestResponse page(List<?> items, long total) {
        return ok(Map.of("items", List.copyOf(items), "total", total));
    }

    /** 200 with the page of an in-memory list that the request asked for. */
    public static RestResponse page(List<?> all, Paging paging) {
        return page(paging.slice(all), all.size());
    }

    /**
     * 200 with a file, e.g. a PDF or CSV.
     *
     * @param filename offered to save it as ({@code Content-Disposition: attachment})
     */
    public static RestResponse file(byte[] content, String contentType, String filename) {
        return new RestResponse(200, null, Objects.requireNonNull(content, "content").clone(),
                Objects.requireNonNull(contentType, "contentType"), Objects.requireNonNull(filename, "filename"));
    }

    public int status() {
        return status;
    }

    /** The JSON body; {@code null} for a file. */
    public Object body() {
        return body;
    }

    /** Whether this is a file rather than JSON. */
    public boolean isFile() {
        return bytes != null;
    }

    public byte[] bytes() {
        return bytes == null ? null : bytes.clone();
    }

    public String contentType() {
        return contentType;
    }

    public String filename() {
        return filename;
    }
}
