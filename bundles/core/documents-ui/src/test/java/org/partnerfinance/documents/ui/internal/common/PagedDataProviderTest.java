package org.partnerfinance.documents.ui.internal.common;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.Test;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.Page;

import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;

public class PagedDataProviderTest {

    /** A "database" of 1,234 rows that records every page asked for. */
    private final List<int[]> calls = new ArrayList<>();
    private final PagedDataProvider<Integer> provider = new PagedDataProvider<>((offset, limit, sort) -> {
        if (limit < 1 || limit > DocumentQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("page size " + limit);
        }
        calls.add(new int[] { offset, limit });
        List<Integer> rows = IntStream.range(offset, Math.min(1234, offset + limit)).boxed()
                .collect(Collectors.toList());
        return new Page<>(rows, 1234);
    });

    @Test
    public void theCountAndTheFirstRowsAreOneQuery() {
        assertEquals(1234, provider.size(new Query<>()));
        List<Integer> first = provider.fetch(new Query<>(0, 50, List.of(), null, null)).toList();
        assertEquals(50, first.size());
        assertEquals(Integer.valueOf(0), first.get(0));
        assertEquals("one call for size and first page", 1, calls.size());

        provider.fetch(new Query<>(50, 50, List.of(), null, null)).toList();
        assertEquals(2, calls.size());
        assertEquals(50, calls.get(1)[0]);
    }

    @Test
    public void largerRequestsThanTheServiceAllowsAreReadInPages() {
        List<Integer> rows = provider.fetch(new Query<>(100, 1200, List.of(), null, null)).toList();
        assertEquals("up to the end of the list", 1134, rows.size());
        assertEquals(Integer.valueOf(100), rows.get(0));
        assertEquals(Integer.valueOf(1233), rows.get(rows.size() - 1));
        assertEquals(3, calls.size());
        assertEquals(500, calls.get(0)[1]);
    }

    @Test
    public void aCountForAnotherSortIsNotReusedForThePage() {
        provider.size(new Query<>(0, Integer.MAX_VALUE, QuerySortOrder.asc("NUMBER").build(), null, null));
        provider.fetch(new Query<>(0, 50, QuerySortOrder.desc("NUMBER").build(), null, null)).toList();
        assertEquals(2, calls.size());
    }
}
