package org.petitionpipeline.reporting.osdi.paging;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Pages a short list held in memory (an organization's petitions) exactly as the database pages signer rows. */
public final class ListPages {

    private static final Comparator<Position> SYNC_ORDER = Comparator.comparing(Position::at)
            .thenComparing(Position::key);

    private ListPages() {
    }

    /** @param rows every row, in any order; {@code position} gives each its place in sync order */
    public static <T> Page<T> page(List<T> rows, PageRequest request, Function<T, Position> position) {
        List<T> wanted = rows.stream()
                .filter(row -> request.modifiedSince().map(since -> position.apply(row).at().isAfter(since))
                        .orElse(true))
                .sorted(Comparator.comparing(position, SYNC_ORDER)).toList();
        if (request.before().isPresent()) {
            List<T> earlier = wanted.stream()
                    .filter(row -> SYNC_ORDER.compare(position.apply(row), request.before().get()) < 0).toList();
            return new Page<>(earlier.subList(Math.max(0, earlier.size() - request.perPage()), earlier.size()),
                    wanted.size(), true);
        }
        List<T> later = request.after().map(after -> wanted.stream()
                .filter(row -> SYNC_ORDER.compare(position.apply(row), after) > 0).toList())
                .orElse(wanted.stream().skip(request.skipped()).toList());
        return new Page<>(later.subList(0, Math.min(later.size(), request.perPage())), wanted.size(),
                later.size() > request.perPage());
    }
}
