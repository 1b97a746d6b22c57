package org.petitionpipeline.email.repository;

import java.util.List;

/** A table of events written with the changes they announce, read in order and marked once relayed. */
public interface EventOutbox<T> {

    /** The oldest events not yet relayed, in the order they were recorded. */
    List<PendingEvent<T>> unpublished(int limit);

    void markPublished(List<PendingEvent<T>> events);
}
