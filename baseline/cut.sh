#!/bin/sh
# Cuts the API baseline of a release into baseline/repository from the bundles built in target/ folders.
# Usage (at the root of the project, after `mvn -B package` of the release): baseline/cut.sh <release version>
# Every module whose pom sets pf.baseline.skip to false takes part. See docs/api-baseline.md.
set -eu
version=${1:?usage: baseline/cut.sh <release version>}
cd "$(dirname "$0")/.."
jars=""
for pom in $(grep -l '<pf.baseline.skip>false</pf.baseline.skip>' bundles/*/*/pom.xml); do
  module=$(dirname "$pom")
  jar=$(ls "$module"/target/*.jar 2>/dev/null | grep -v -e '-tests\.jar$' -e '-sources\.jar$' -e '-javadoc\.jar$' | head -n 1 || true)
  if [ -z "$jar" ]; then
    echo "No built bundle in $module/target: build the release first (mvn -B package -DskipTests)" >&2
    exit 1
  fi
  jars="$jars $jar"
done
# shellcheck disable=SC2086 # one argument per jar
java baseline/CutBaseline.java "$version" baseline/repository $jars
