package org.petitionpipeline.email.events;

/** An event recorded with the change it announces and not yet relayed; {@code id} orders and marks it. */
public record PendingEvent<T>(long id, T event) {
}
