package org.petitionpipeline.kit.relay;

import java.util.List;

/**
 * Rows written with the changes they announce, read in the order their events must reach the topic and marked
 * once the broker holds them: what an {@link OutboxRelay} moves. Each relay's adapter says which rows.
 */
public interface Outbox<E> {

    /** The oldest entries not yet relayed, at most {@code limit}, in the order they must be published. */
    List<E> unpublished(int limit);

    void markPublished(List<E> published);
}
