# Shared by the operations scripts (payara-server-smoke, cluster-test): fetching the pieces from Maven, a local
# Artemis broker, a GreenMail SMTP server, and a client without scripts that signs in and posts the portal's forms.
# Everything listens on 127.0.0.1 only. Source it; set WORK (a folder of the script's own) first.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -n 1; }

PAYARA_VERSION=$(pom_property payara.version)
ARTEMIS_VERSION=$(pom_property artemis.version)
GREENMAIL_VERSION=$(pom_property greenmail.version)
POSTGRESQL_VERSION=$(pom_property postgresql.version)

say() { printf '== %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

# The command-line tools the scripts use, installed from Debian's packages when missing and we are root.
require_tools() {
  local missing=()
  for pair in curl:curl unzip:unzip python3:python3 ss:iproute2 openssl:openssl pgrep:procps; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    fail "missing tools; install them with: sudo apt-get install ${missing[*]}"
  fi
}
require_tools

# fetch GROUP:ARTIFACT:VERSION[:TYPE[:CLASSIFIER]] -> prints the file's path (from the local Maven repository).
fetch() {
  mkdir -p "$WORK/downloads"
  mvn -B -q -N -Dstyle.color=never dependency:copy -Dartifact="$1" -DoutputDirectory="$WORK/downloads" -Dmdep.overWriteIfNewer=true >&2 \
    || fail "could not fetch $1 from Maven"
  IFS=: read -r _ artifact version type classifier <<<"$1"
  echo "$WORK/downloads/$artifact-$version${classifier:+-$classifier}.${type:-jar}"
}

require_free_port() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    fail "port $1 is taken (a quick start or another test still running?): stop it first"
  fi
}

# wait_for DESCRIPTION SECONDS COMMAND...: runs COMMAND every second until it succeeds.
wait_for() {
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 "$seconds"); do
    if "$@" >/dev/null; then return 0; fi
    sleep 1
  done
  fail "$what did not come within $seconds s"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Every TCP listener of process $1 (and its children) must be on the loopback address, except the ports named after
# it (known and documented exceptions).
only_loopback_listeners() {
  local pid=$1 pids outside; shift
  pids=$( (pgrep -P "$pid" || true) | tr "\n" "|")"$pid"
  outside=$(ss -ltnpH | grep -E "pid=($pids)," | awk '{print $4}' | grep -v -E '^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]|\[::1\]):' || true)
  for allowed in "$@"; do outside=$(grep -v -E ":$allowed\$" <<<"$outside" || true); done
  [ -z "$outside" ] || fail "process $pid listens beyond 127.0.0.1: $outside"
}

# A persistent Artemis broker from the distribution, its journal in DIR, with the portal's redelivery settings.
# create_broker DIR PORT_OFFSET [extra artemis create options...]
create_broker() {
  local dir=$1 offset=$2; shift 2
  local zip home
  zip=$(fetch "org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:zip:bin")
  home="$WORK/apache-artemis-$ARTEMIS_VERSION"
  [ -d "$home" ] || unzip -q -o "$zip" -d "$WORK"
  "$home/bin/artemis" create "$dir" --silent --force --user portal --password "$BROKER_PASSWORD" --require-login \
    --host 127.0.0.1 --http-host 127.0.0.1 --no-web --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor \
    --no-hornetq-acceptor --no-autotune --nio --port-offset "$offset" "$@" >"$dir.create.log" 2>&1 \
    || { cat "$dir.create.log" >&2; fail "artemis create $dir"; }
  # The portal's redelivery policy (README, "Domain events"): five seconds doubled up to five minutes, ten tries,
  # then DLQ, where operators see and move them back.
  python3 - "$dir/etc/broker.xml" <<'PY'
import sys
path = sys.argv[1]
xml = open(path).read()
setting = """<address-setting match="portal.domain-events">
            <dead-letter-address>DLQ</dead-letter-address>
            <redelivery-delay>5000</redelivery-delay>
            <redelivery-delay-multiplier>2</redelivery-delay-multiplier>
            <max-redelivery-delay>300000</max-redelivery-delay>
            <max-delivery-attempts>10</max-delivery-attempts>
         </address-setting>
         <address-setting match="#">"""
assert '<address-setting match="#">' in xml
open(path, "w").write(xml.replace('<address-setting match="#">', setting, 1))
PY
}

# start_broker DIR: runs it in the background; its pid in DIR.pid, its output in DIR.log.
start_broker() {
  "$1/bin/artemis" run >"$1.log" 2>&1 &
  echo $! >"$1.pid"
}

start_greenmail() {
  local jar
  jar=$(fetch "com.icegreen:greenmail-standalone:$GREENMAIL_VERSION")
  require_free_port 3025
  require_free_port 3080
  java -Dgreenmail.setup.test.smtp -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=3080 -jar "$jar" >"$WORK/greenmail.log" 2>&1 &
  echo $! >"$WORK/greenmail.pid"
  wait_for "GreenMail" 30 port_open 3080
}

# mails ADDRESS: the mails GreenMail holds for ADDRESS, as JSON.
mails() { curl -sf "http://127.0.0.1:3080/api/user/$1/messages/"; }
mail_count() { mails "$1" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))' 2>/dev/null || echo 0; }
# last_link ADDRESS PAGE [INDEX]: the link to PAGE in the latest mail to ADDRESS (or in mail INDEX: 0 the first).
last_link() {
  mails "$1" | python3 -c '
import json, re, sys, quopri
mail = json.load(sys.stdin)[int(sys.argv[2])]["mimeMessage"]
text = quopri.decodestring(mail.encode()).decode("utf-8", "replace")
links = re.findall(r"https?://[^\s\"<>]*" + re.escape(sys.argv[1]) + r"\?token=[A-Za-z0-9._-]+", text)
print(links[-1])' "$2" "${3:--1}"
}

# A browser without scripts: a cookie jar per name. page NAME URL -> the page in $WORK/NAME.html
page() {
  curl -sk --resolve "$RESOLVE" -b "$WORK/$1.cookies" -c "$WORK/$1.cookies" -o "$WORK/$1.html" -w '%{http_code}' \
    -H 'Accept-Language: fr' "$2"
}

# submit NAME URL FORM field=value...: posts FORM of the page last fetched by NAME with its view state and nonce;
# prints the status and leaves the Location header in $WORK/NAME.location.
submit() {
  local name=$1 url=$2 form=$3; shift 3
  local state nonce args=()
  state=$(grep -o 'jakarta\.faces\.ViewState:[0-9]*" value="[^"]*"' "$WORK/$name.html" | head -n 1 | sed 's/.*value="//; s/"$//')
  nonce=$(grep -o "PrimeFaces\.csp\.init('[^']*')" "$WORK/$name.html" | head -n 1 | sed "s/.*init('//; s/')$//")
  [ -n "$state" ] || fail "no view state in the page of $name ($url)"
  args+=(--data-urlencode "$form=$form" --data-urlencode "jakarta.faces.ViewState=$state")
  [ -z "$nonce" ] || args+=(--data-urlencode "primefaces.nonce=$nonce")
  for field in "$@"; do args+=(--data-urlencode "$form:$field"); done
  curl -sk --resolve "$RESOLVE" -b "$WORK/$name.cookies" -c "$WORK/$name.cookies" -o "$WORK/$name.html" \
    -D "$WORK/$name.headers" -w '%{http_code}' -H 'Accept-Language: fr' -H "X-Request-Id: ${REQUEST_ID:-}" \
    "${args[@]}" "$url"
  grep -i '^location:' "$WORK/$name.headers" | tr -d '\r' | sed 's/^[Ll]ocation: //' >"$WORK/$name.location" || true
}

stop_pid_file() {
  if [ -f "$1" ]; then
    kill "$(cat "$1")" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$(cat "$1")" 2>/dev/null || break; sleep 1; done
    kill -9 "$(cat "$1")" 2>/dev/null || true
    rm -f "$1"
  fi
}
