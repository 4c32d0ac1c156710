#!/bin/sh
# The wipe engine against rm -rf on two identical trees; prints the ratio engine/rm-rf.
# Usage: bench/wipe/run.sh [files per tree=50000] [rounds=3] [work dir=/tmp]
# Builds device-agent once if its jar or test classes are missing.
set -e
cd "$(dirname "$0")/../.."
AGENT=device-agent/target
if [ ! -f "$AGENT/device-agent.jar" ] || [ ! -f "$AGENT/test-classes/fi/suoja/agent/wipe/WipeBenchmark.class" ]; then
  ./mvnw -q -pl device-agent -am package -DskipTests
fi
exec java -Xmx256m -cp "$AGENT/device-agent.jar:$AGENT/test-classes" fi.suoja.agent.wipe.WipeBenchmark "$@"
