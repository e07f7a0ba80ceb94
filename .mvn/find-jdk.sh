# Sourced by ./mvnw and bin/pilotage: points JAVA_HOME at a JDK 21 or newer.
# Keeps JAVA_HOME when it already is one; otherwise takes the java on the PATH if recent enough,
# else the newest JDK >= 21 found in the usual install folders. POSIX sh, works with `set -euf`.
pilotage_java_major() {
  "$1" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\)[."].*/\1/p' | head -n 1
}
pilotage_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(pilotage_java_major "$JAVA_HOME/bin/java")
    if [ "${v:-0}" -ge 21 ]; then return 0; fi
  fi
  if command -v javac >/dev/null 2>&1; then
    jc=$(command -v javac)
    jdk=$(cd "$(dirname "$(readlink -f "$jc" 2>/dev/null || echo "$jc")")/.." && pwd)
    v=$(pilotage_java_major "$jdk/bin/java")
    if [ "${v:-0}" -ge 21 ]; then JAVA_HOME=$jdk; export JAVA_HOME; return 0; fi
  fi
  best=""; best_v=0
  for root in /usr/lib/jvm /usr/java /opt/java /Library/Java/JavaVirtualMachines; do
    [ -d "$root" ] || continue
    for d in $(find "$root" -mindepth 1 -maxdepth 1 2>/dev/null); do
      [ -x "$d/Contents/Home/bin/javac" ] && d="$d/Contents/Home"
      [ -x "$d/bin/javac" ] || continue
      v=$(pilotage_java_major "$d/bin/java")
      if [ "${v:-0}" -ge 21 ] && [ "${v:-0}" -gt "$best_v" ]; then best=$d; best_v=$v; fi
    done
  done
  if [ -n "$best" ]; then
    JAVA_HOME=$best; export JAVA_HOME
    return 0
  fi
  echo "Pilotage needs a JDK 21 or newer: none was found (JAVA_HOME, PATH, /usr/lib/jvm). Install one and set JAVA_HOME to it." >&2
  return 1
}
pilotage_find_jdk || exit 1
