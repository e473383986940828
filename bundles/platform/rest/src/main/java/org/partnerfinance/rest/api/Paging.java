package org.partnerfinance.rest.api;

import java.util.List;

/**
 * The page of a list the client asked for.
 *
 * @param page 1-based page number
 * @param size items per page (1 to {@link #MAX_SIZE})
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public Paging {
        if (page < 1) {
            throw RestException.badRequest("page", "page starts at 1.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw RestException.badRequest("size", "size must be between 1 and " + MAX_SIZE + ".");
        }
    }

    /** Index of the first item of the page in the whole list. */
    public long offset() {
        return (long) (page - 1) * size;
    }

    /** The page's part of a list that is in memory already. */
    public <T> List<T> slice(List<T> all) {
        long from = Math.min(offset(), all.size());
        long to = Math.min(from + size, all.size());
        return all.subList((int) from, (int) to);
    }
}
