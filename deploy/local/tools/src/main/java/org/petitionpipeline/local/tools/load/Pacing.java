package org.petitionpipeline.local.tools.load;

/**
 * How a load generator offers its requests.
 *
 * @param perSecond   open loop: requests start on a fixed schedule of this many a second, whether or not earlier
 *                    ones were answered, and each latency counts from its scheduled start (so a stall shows in the
 *                    latency of every request it delayed, instead of hiding as requests never sent); 0 for a
 *                    closed loop, where each connection sends its next request when the last is answered
 * @param connections keep-alive sockets to intake, at most one request on each; in an open loop, requests due
 *                    beyond them wait for one, and that wait is part of their latency
 */
public record Pacing(int perSecond, int connections) {

    static Pacing openLoop(int perSecond, int connections) {
        return new Pacing(perSecond, connections);
    }

    public static Pacing closedLoop(int connections) {
        return new Pacing(0, connections);
    }

    boolean isOpenLoop() {
        return perSecond > 0;
    }

    public String describe() {
        return isOpenLoop()
                ? "open loop at %,d requests/s over up to %d connections".formatted(perSecond, connections)
                : "closed loop (as fast as it goes) with %d connections".formatted(connections);
    }
}
