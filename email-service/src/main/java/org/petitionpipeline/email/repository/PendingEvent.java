package org.petitionpipeline.email.repository;

/** An event recorded with the change it announces and not yet relayed; {@code id} orders and marks it. */
public record PendingEvent<T>(long id, T event) {
}
