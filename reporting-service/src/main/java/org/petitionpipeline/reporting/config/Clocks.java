package org.petitionpipeline.reporting.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The time petitions close and the retention job compares with. */
public class Clocks {

    /** Application-scoped (a client proxy), so a test can put a clock it moves in its place (QuarkusMock). */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
