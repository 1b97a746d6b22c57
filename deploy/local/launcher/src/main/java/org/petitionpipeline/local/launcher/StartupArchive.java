package org.petitionpipeline.local.launcher;

/**
 * What a service's JVM keeps from a training run to start and warm up faster: nothing, a class-data sharing
 * archive (AppCDS, JDK 13 and newer: the classes parsed and verified), or an ahead-of-time cache (JDK 25, JEP 483
 * and 515: the classes also loaded and linked, and the methods' profiles). Either is written when the training
 * run's JVM exits and is valid only for the same JDK and the same jars.
 */
public enum StartupArchive {
    NONE("", "", "", "no archive"),
    CDS("-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=", ".jsa", "AppCDS archive"),
    AOT("-XX:AOTCacheOutput=", "-XX:AOTCache=", ".aot", "AOT cache");

    private final String recordOption;
    private final String useOption;
    private final String suffix;
    private final String label;

    StartupArchive(String recordOption, String useOption, String suffix, String label) {
        this.recordOption = recordOption;
        this.useOption = useOption;
        this.suffix = suffix;
        this.label = label;
    }

    String label() {
        return label;
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
