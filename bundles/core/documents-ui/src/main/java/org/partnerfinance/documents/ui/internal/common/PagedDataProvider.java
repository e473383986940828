package org.partnerfinance.documents.ui.internal.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.Page;

import com.vaadin.flow.data.provider.AbstractBackEndDataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;

/**
 * A lazy data provider over a paged service call: the grid asks for the rows it shows, the service reads one page from
 * the database with its count. Nothing is held in memory beyond the rows on screen, so lists of tens of thousands of
 * items stay as fast as a page.
 *
 * <p>The service caps a page at {@link DocumentQuery#MAX_LIMIT}; a grid may ask for more rows at once (a tall window),
 * so larger requests are read in several pages. The count comes from the same call as a page: the first page request
 * after a count reuses that answer instead of asking the database again.
 *
 * @param <T> the row type
 */
public class PagedDataProvider<T> extends AbstractBackEndDataProvider<T, Void> {

    private static final long serialVersionUID = 1L;

    /** One page of rows from the service, sorted as the grid asks. */
    @FunctionalInterface
    public interface Fetcher<T> {
        Page<T> fetch(int offset, int limit, List<QuerySortOrder> sortOrders);
    }

    private final transient Fetcher<T> fetcher;
    private transient Page<T> lastCountPage;
    private transient List<QuerySortOrder> lastCountSort;

    public PagedDataProvider(Fetcher<T> fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher);
    }

    @Override
    protected Stream<T> fetchFromBackEnd(Query<T, Void> query) {
        int offset = query.getOffset();
        int wanted = query.getLimit();
        List<QuerySortOrder> sort = query.getSortOrders();
        Page<T> cached = lastCountPage;
        lastCountPage = null;
        if (cached != null && offset == 0 && Objects.equals(sort, lastCountSort)
                && cached.items().size() >= Math.min(wanted, cached.total())) {
            return cached.items().stream().limit(wanted);
        }
        List<T> rows = new ArrayList<>(Math.min(wanted, DocumentQuery.MAX_LIMIT));
        while (rows.size() < wanted) {
            int limit = Math.min(DocumentQuery.MAX_LIMIT, wanted - rows.size());
            Page<T> page = fetcher.fetch(offset + rows.size(), limit, sort);
            rows.addAll(page.items());
            if (page.items().size() < limit) {
                break;
            }
        }
        return rows.stream();
    }

    @Override
    protected int sizeInBackEnd(Query<T, Void> query) {
        // the grid asks for the size first, then for the first rows: read them together
        Page<T> page = fetcher.fetch(0, FIRST_PAGE, query.getSortOrders());
        lastCountPage = page;
        lastCountSort = query.getSortOrders();
        return (int) Math.min(Integer.MAX_VALUE, page.total());
    }

    /** Rows read together with the count: a grid's first request (its page size is 50). */
    static final int FIRST_PAGE = 50;
}
