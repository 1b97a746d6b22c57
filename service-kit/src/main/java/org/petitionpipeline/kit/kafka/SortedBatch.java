package org.petitionpipeline.kit.kafka;

import java.util.List;

/** A poll batch split into the events a consumer can act on and the poison it must set aside. */
record SortedBatch<T>(List<T> events, List<Poison> poison) {
}
