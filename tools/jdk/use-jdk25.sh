# Sourced by ./chotdon and .ci/run. The project runs on JDK 25 (README, "The two commands"): its AOT cache
# takes about a quarter off the services' start (README, "Start-up and memory of the services"). use_jdk25
# finds the first JDK 25 or newer in JAVA_HOME, behind the java on the PATH or under /usr/lib/jvm, and
# exports it as JAVA_HOME and first on the PATH, so that Maven, the tests, Kafka and the services all run on
# the same JDK. A machine whose default java is older (Debian's 17, say) keeps it for everything else.

jdk_feature_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\)$/\1/p'
}

use_jdk25() {
  local home version candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  candidates+=(/usr/lib/jvm/*)
  for home in "${candidates[@]}"; do
    [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || continue
    version="$(jdk_feature_version "$home")"
    [[ -n "$version" ]] && ((version >= 25)) || continue
    export JAVA_HOME="$home"
    export PATH="$home/bin:$PATH"
    return 0
  done
  echo "No JDK 25 found (JAVA_HOME, the java on the PATH, /usr/lib/jvm): install one, e.g. Eclipse Temurin 25," \
    "and set JAVA_HOME to it." >&2
  return 1
}
