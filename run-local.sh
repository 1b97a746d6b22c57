#!/usr/bin/env bash
# Starts the whole petition pipeline on this machine (Kafka, PostgreSQL, a mail catcher, four services),
# building it first when needed. `./run-local.sh --brokers 3 --instances 2` runs it as a cluster: three Kafka
# brokers, two instances of every service behind HAProxy, each restarted when it dies; `--secure` makes Kafka
# require SCRAM over TLS from every client, with certificates and users made at start (docs/operations.md).
# `./run-local.sh stop` stops a running one from another terminal;
# `./run-local.sh infra` starts only Kafka, PostgreSQL and the mail catcher, for running a service from source
# against them (`./mvnw quarkus:dev -pl email-service -am`, see docs/contributing.md);
# `./run-local.sh bench-dedup [records]` measures dedup-service against this machine's raw PostgreSQL rate;
# `./run-local.sh bench-intake [seconds] [connections]` measures one signature-intake over HTTP against this
# machine's raw Kafka producer rate; `./run-local.sh bench-warmup [seconds] [connections] [--jvm 17|17-cds|25|25-aot]`
# measures how fast a signature-intake started cold reaches its steady rate on each JVM option;
# `./run-local.sh bench-admin [seconds] [connections]` measures what checking the
# caller's token costs on an admin request; `./run-local.sh bench-receipts [receipts] [smtp-sink|greenmail]` measures
# how many signature receipts one email-service sends per second into a real SMTP server (Postfix's smtp-sink by
# default); `./run-local.sh bench-webhooks [events] [batch-size]` measures how many webhooks one reporting-service
# delivers per second in batch mode, and whether slow and dead receivers hold it back; `./run-local.sh load [options]` drives the whole pipeline with realistic
# traffic and measures every stage against the raw Kafka and PostgreSQL rates (`load --help` for the options);
# `./run-local.sh faults [options]` keeps such a load running while it kills and restarts each service, restarts
# the broker and the database and sends poison records, then checks nothing was lost, counted or mailed twice.
set -euo pipefail
cd "$(dirname "$0")"

pid_file=.local-run/pipeline.pid
launcher=deploy/local/launcher/target/local-pipeline.jar
tools=deploy/local/tools/target/local-tools.jar

stop() {
  if [[ ! -f $pid_file ]]; then
    echo "No local pipeline is running (no $pid_file)."
    return 0
  fi
  pid=$(cat "$pid_file")
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "No local pipeline is running (stale $pid_file removed)."
    rm -f "$pid_file"
    return 0
  fi
  echo "Stopping the local pipeline (pid $pid)…"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { echo "Stopped."; return 0; }
    sleep 1
  done
  echo "It is still stopping after 60 s; see .local-run/logs/." >&2
  return 1
}

needs_build() {
  [[ -f $launcher && -f $tools ]] || return 0
  for module in signature-intake dedup-service email-service reporting-service; do
    [[ -f $module/target/quarkus-app/quarkus-run.jar ]] || return 0
  done
  # any source or build file newer than the launcher means the packages are stale
  [[ -n $(find pom.xml ./*/pom.xml ./*/src deploy/local/{launcher,tools}/{pom.xml,src} -newer "$launcher" -type f -print -quit) ]]
}

command=start
if [[ $# -gt 0 && $1 != --* ]]; then
  command=$1
  shift
fi

case "$command" in
  stop)
    stop
    ;;
  start)
    if needs_build; then
      echo "Building the pipeline (first time: a few minutes while Maven downloads dependencies)…"
      ./mvnw -B -q -DskipTests package
    fi
    exec java -Dpipeline.home="$PWD" -jar "$launcher" "$@"
    ;;
  infra)
    needs_build && ./mvnw -B -q -DskipTests package
    exec java -Dpipeline.home="$PWD" -jar "$launcher" infra "$@"
    ;;
  bench-dedup)
    needs_build && ./mvnw -B -q -DskipTests package
    exec java -Dpipeline.home="$PWD" -cp "$tools" org.petitionpipeline.local.tools.bench.DedupBenchmark "$@"
    ;;
  bench-intake)
    needs_build && ./mvnw -B -q -DskipTests package
    exec java -Dpipeline.home="$PWD" -cp "$tools" org.petitionpipeline.local.tools.bench.IntakeBenchmark "$@"
    ;;
  bench-warmup)
    needs_build && ./mvnw -B -q -DskipTests package
    exec java -Dpipeline.home="$PWD" -cp "$tools" org.petitionpipeline.local.tools.bench.WarmUpBenchmark "$@"
    ;;
  bench-admin)
    needs_build && ./mvnw -B -q -DskipTests package
    exec java -Dpipeline.home="$PWD" -cp "$tools" org.petitionpipeline.local.tools.bench.AdminTokenBenchmark "$@"
    ;;
  bench-receipts)
    needs_build && ./mvnw -B -q -DskipTests package
    exec java -Dpipeline.home="$PWD" -cp "$tools" org.petitionpipeline.local.tools.bench.ReceiptBenchmark "$@"
    ;;
  bench-webhooks)
    needs_build && ./mvnw -B -q -DskipTests package
    exec java -Dpipeline.home="$PWD" -cp "$tools" org.petitionpipeline.local.tools.bench.WebhookBenchmark "$@"
    ;;
  load)
    needs_build && ./mvnw -B -q -DskipTests package
    exec java -Dpipeline.home="$PWD" -cp "$tools" org.petitionpipeline.local.tools.load.LoadBenchmark "$@"
    ;;
  faults)
    needs_build && ./mvnw -B -q -DskipTests package
    exec java -Dpipeline.home="$PWD" -cp "$tools" org.petitionpipeline.local.tools.faults.FaultHarness "$@"
    ;;
  *)
    echo "usage: $0 [start|infra] [--brokers 1|3] [--instances N] [--secure]" >&2
    echo "       $0 [stop|bench-dedup [records]|bench-intake [seconds] [connections]|bench-admin [seconds] [connections]|bench-receipts [receipts] [smtp-sink|greenmail]|bench-webhooks [events] [batch-size]|load [options]|faults [options]]" >&2
    echo "       $0 bench-warmup [seconds] [connections] [--jvm 17|17-cds|25|25-aot] [--train-seconds S]" >&2
    exit 64
    ;;
esac
