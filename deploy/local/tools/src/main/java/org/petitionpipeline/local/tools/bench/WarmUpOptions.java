package org.petitionpipeline.local.tools.bench;

import static org.petitionpipeline.local.tools.Benchmarks.optionValue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.petitionpipeline.local.launcher.ServiceJvm;

/**
 * What {@code ./run-local.sh bench-warmup} measures.
 *
 * @param seconds      measured from the cold start, in 5-s windows
 * @param trainSeconds load before the restart: the training run an archive is made from, and for every option the
 *                     warm-up of the broker and the load generator (both in the launcher JVM), so that only
 *                     intake starts cold
 */
record WarmUpOptions(int seconds, int connections, ServiceJvm jvm, int trainSeconds) {

    static final String USAGE = """
            usage: ./run-local.sh bench-warmup [seconds] [connections] [--jvm 17|17-cds|25|25-aot] [--train-seconds S]
              seconds         measured after intake's cold start, in 5-s windows (default 60)
              connections     closed-loop connections to intake (default 64)
              --jvm           the JDK that runs intake and what it starts from: 17 or 25 as they are, 17-cds an
                              AppCDS archive, 25-aot an AOT cache, each made by the training run (default: the
                              launcher's own JDK, as it is)
              --train-seconds load on the first intake, before it is restarted cold (default 30)
              PIPELINE_SERVICE_JAVA_OPTS adds JVM options to intake, e.g. -XX:TieredStopAtLevel=1""";

    static WarmUpOptions parse(String... args) {
        List<String> positional = new ArrayList<>();
        ServiceJvm jvm = ServiceJvm.launchers();
        int trainSeconds = 30;
        for (Iterator<String> arg = List.of(args).iterator(); arg.hasNext(); ) {
            String option = arg.next();
            switch (option) {
                case "--jvm" -> jvm = ServiceJvm.named(optionValue(option, arg, USAGE));
                case "--train-seconds" -> trainSeconds = Integer.parseInt(optionValue(option, arg, USAGE));
                case "--help" -> throw new IllegalArgumentException(USAGE);
                default -> {
                    if (option.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
                    }
                    positional.add(option);
                }
            }
        }
        int seconds = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 60;
        int connections = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 64;
        if (seconds < 5 || seconds % 5 != 0) {
            throw new IllegalArgumentException("seconds must be a multiple of 5 (the windows), not " + seconds);
        }
        return new WarmUpOptions(seconds, connections, jvm, trainSeconds);
    }
}
