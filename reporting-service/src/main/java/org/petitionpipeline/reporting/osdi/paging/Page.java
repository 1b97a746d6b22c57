package org.petitionpipeline.reporting.osdi.paging;

import java.util.List;

/**
 * A page of rows in sync order, how many rows the whole collection (as filtered) holds, and whether rows follow the
 * last one: a page read backwards always has rows after it.
 */
public record Page<T>(List<T> rows, long totalRecords, boolean more) {
}
