#!/usr/bin/env bash
# Builds the image of each service as petition-pipeline/<module>:<project version>, from deploy/image/Dockerfile.jvm.
# Package first: ./mvnw package -DskipTests. Uses docker, or podman when there is no docker (CONTAINER_ENGINE
# chooses).
set -euo pipefail
cd "$(dirname "$0")/../.."

engine=${CONTAINER_ENGINE:-$(command -v docker >/dev/null && echo docker || echo podman)}
# the parent pom's own <version>, the first in the file
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)

for module in signature-intake dedup-service email-service reporting-service; do
  if [[ ! -f $module/target/quarkus-app/quarkus-run.jar ]]; then
    echo "$module is not packaged: run ./mvnw package -DskipTests first" >&2
    exit 1
  fi
  "$engine" build -f deploy/image/Dockerfile.jvm --build-arg SERVICE="$module" --build-arg VERSION="$version" \
    -t "petition-pipeline/$module:$version" "$module"
done
