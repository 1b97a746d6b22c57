package org.petitionpipeline.reporting.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import java.util.List;
import java.util.function.Function;
import org.petitionpipeline.reporting.counting.PetitionTotal;

/**
 * One followed petition: its total as JSON, the latest to each new listener and then every change, to all its
 * listeners from one stream. Serialized once per change, however many listen.
 */
final class LiveTotal {

    private final BroadcastProcessor<String> changes = BroadcastProcessor.create();
    private final Multi<String> stream;
    private final Function<PetitionTotal, String> toJson;
    private volatile PetitionTotal latest;
    private volatile int listeners;

    LiveTotal(PetitionTotal current, Function<PetitionTotal, String> toJson) {
        this.latest = current;
        this.toJson = toJson;
        this.stream = Multi.createBy().replaying().upTo(1).ofSeedAndMulti(List.of(toJson.apply(current)), changes);
        // The replay connects to its source with its first subscriber: a change offered before the first listener
        // subscribed would be lost, and that listener would keep the older total until the next change
        stream.subscribe().with(change -> { });
    }

    Multi<String> stream() {
        return stream;
    }

    PetitionTotal latest() {
        return latest;
    }

    int listeners() {
        return listeners;
    }

    /** Sends {@code now} to every listener if it differs from what they have. Called by one thread at a time. */
    void offer(PetitionTotal now) {
        if (!now.equals(latest)) {
            latest = now;
            changes.onNext(toJson.apply(now));
        }
    }

    /* joined and left are only called inside ConcurrentHashMap.compute for this petition, one at a time */

    LiveTotal joined() {
        listeners++;
        return this;
    }

    int left() {
        return --listeners;
    }

    void close() {
        changes.onComplete();
    }
}
