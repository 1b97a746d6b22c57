package org.petitionpipeline.local.launcher;

/**
 * What a service's JVM keeps from a training run to start and warm up faster: nothing, a class-data sharing
 * archive (AppCDS, JDK 13 and newer: the classes parsed and verified), or an ahead-of-time cache (JDK 25, JEP 483
 * and 515: the classes also loaded and linked, and the methods' profiles). Either is written when the training
 * run's JVM exits and is valid only for the same JDK and the same jars.
 */
public enum StartupArchive {
    NONE("", "", ""),
    CDS("-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=", ".jsa"),
    AOT("-XX:AOTCacheOutput=", "-XX:AOTCache=", ".aot");

    private final String recordOption;
    private final String useOption;
    private final String suffix;

    StartupArchive(String recordOption, String useOption, String suffix) {
        this.recordOption = recordOption;
        this.useOption = useOption;
        this.suffix = suffix;
    }

    String recordOption() {
        return recordOption;
    }

    String useOption() {
        return useOption;
    }

    String suffix() {
        return suffix;
    }
}
