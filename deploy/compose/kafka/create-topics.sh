#!/bin/sh
# Creates every topic of the topic catalogue (contracts: TopicCatalogue.singleBroker()) before any service starts:
# the broker creates none by itself, since an auto-created petitions topic would not be compacted.
# One line a topic: name, partitions, then its topic-level settings. Every topic but petitions keeps events a week,
# dead letters too, in daily segments (so nothing outlives its week by more than a day); petitions is compacted and
# must never get a time-based retention. One broker: replication 1.
# KafkaTopicsScriptTest holds these lines to the catalogue.
set -eu

kafka_topics() {
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" "$@"
}

# Each kafka-topics.sh is a JVM start: list once, and create only what is missing (a restart creates nothing).
existing=$(kafka_topics --list)

create() {
  topic=$1
  partitions=$2
  shift 2
  if printf '%s\n' "$existing" | grep -qxF "$topic"; then
    return
  fi
  settings=""
  for setting in "$@"; do
    settings="$settings --config $setting"
  done
  # settings are name=value pairs without spaces, so word splitting is what is wanted here
  # shellcheck disable=SC2086
  kafka_topics --create --if-not-exists --topic "$topic" --partitions "$partitions" --replication-factor 1 $settings
}

create petitions 1 cleanup.policy=compact min.insync.replicas=1
create petitions.dlq 1 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create signatures.submitted 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create signatures.submitted.dlq 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create signatures.accepted 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create signatures.accepted.dlq 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create signatures.counted 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create signatures.counted.dlq 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create signatures.rejected 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create signatures.rejected.dlq 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create signatures.invalidated 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create signatures.invalidated.dlq 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create signatures.verified 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create signatures.verified.dlq 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create subscriptions 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create subscriptions.dlq 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create petitions.milestones 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create petitions.milestones.dlq 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create petitions.anonymized 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create petitions.anonymized.dlq 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create calls.reported 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create calls.reported.dlq 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create reports.ready 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create reports.ready.dlq 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create webhooks.disabled 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create webhooks.disabled.dlq 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create people.erasures 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create people.erasures.dlq 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create people.erasures.done 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create people.erasures.done.dlq 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create people.access-requests 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create people.access-requests.dlq 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create people.access-reports 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create people.access-reports.dlq 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create audit.events 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
create audit.events.dlq 6 cleanup.policy=delete retention.ms=604800000 segment.ms=86400000 min.insync.replicas=1
