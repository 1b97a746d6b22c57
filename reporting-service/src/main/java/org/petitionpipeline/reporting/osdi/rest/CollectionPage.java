package org.petitionpipeline.reporting.osdi.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.petitionpipeline.reporting.osdi.paging.Page;
import org.petitionpipeline.reporting.osdi.paging.PageRequest;
import org.petitionpipeline.reporting.osdi.paging.Position;

/**
 * Wraps a page of rows in OSDI's envelope: {@code next} starts after its last row, {@code previous} ends before its
 * first (page 1 is the collection's own link), each carrying the page number and filter along.
 */
final class CollectionPage {

    private CollectionPage() {
    }

    static <T> HalCollection of(String collection, String relation, PageRequest request, Page<T> page,
            Function<T, Position> position, Function<T, ?> resource) {
        Map<String, HalLink> links = new LinkedHashMap<>();
        links.put("self", HalLink.to(OsdiLinks.page(collection, request, request.page(), request.after(),
                request.before())));
        List<T> rows = page.rows();
        if (page.more() && !rows.isEmpty()) {
            links.put("next", HalLink.to(OsdiLinks.page(collection, request, request.page() + 1,
                    Optional.of(position.apply(rows.get(rows.size() - 1))), Optional.empty())));
        }
        Optional<Position> first = rows.isEmpty() ? request.after() : Optional.of(position.apply(rows.get(0)));
        if (request.page() > 1 && first.isPresent()) {
            links.put("previous", HalLink.to(request.page() == 2
                    ? OsdiLinks.page(collection, request, 1, Optional.empty(), Optional.empty())
                    : OsdiLinks.page(collection, request, request.page() - 1, Optional.empty(), first)));
        }
        long totalPages = (page.totalRecords() + request.perPage() - 1) / request.perPage();
        return new HalCollection(totalPages, request.perPage(), request.page(), page.totalRecords(), links,
                Map.of(relation, rows.stream().map(resource).toList()));
    }
}
