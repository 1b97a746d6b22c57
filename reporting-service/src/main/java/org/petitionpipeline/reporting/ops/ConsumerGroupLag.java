package org.petitionpipeline.reporting.ops;

/**
 * How far a consumer group is behind: the records between its committed offsets and the ends of the partitions it
 * committed on. {@code state} is the broker's word for it ({@code Stable}, {@code Empty} when no member runs, …).
 */
public record ConsumerGroupLag(String group, String state, long lag) {
}
