package org.petitionpipeline.deploy;

import java.nio.file.Path;

/** Where the checked-out repository is, for tests that read the deployment files in it. */
public final class Repository {

    private Repository() {
    }

    public static Path root() {
        return Path.of(System.getProperty("pipeline.home", "../..")).toAbsolutePath().normalize();
    }

    public static Path file(String relative) {
        return root().resolve(relative);
    }
}
