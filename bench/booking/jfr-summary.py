#!/usr/bin/env python3
"""Where kiosk-server's time went in a JFR recording of the booking benchmark (Java 17's jfr has no `view`).

Usage: bench/booking/jfr-summary.py server.jfr
  CPU:  the JVM's CPU seconds (jdk.CPULoad, user + system, times the machine's cores).
  Java: execution samples after start-up, by the work their stack belongs to.
  Waits on PostgreSQL: socket reads longer than 10 ms (settings=profile), by the innermost named Suoja method
  (Tx.tried is the commit; Tx.jdbcInCallers the batched slot claims and door tasks).
"""
import collections, json, os, re, subprocess, sys


def events(jfr, kind):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", kind, jfr],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def frames(e):
    st = e["values"].get("stackTrace")
    return [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".") for f in st["frames"]] if st else []


def millis(e):
    m = re.match(r"PT(?:(\d+)M)?([\d.]+)S", e["values"].get("duration") or "")
    return (int(m.group(1) or 0) * 60 + float(m.group(2))) * 1000 if m else 0.0


def work(stack):
    joined = " ".join(stack)
    for needle, name in [("PasswordHasher", "staff login (Argon2, set-up)"),
                         ("BookingController", "booking request: controller, service, JDBC"),
                         ("BookingService", "booking request: controller, service, JDBC"),
                         ("AccessService.authenticate", "token look-up"),
                         ("fi.suoja.server.door", "door tasks (scheduler, reconcile sweep)"),
                         ("io.netty", "HTTP (Netty, routing, JSON, filters)"),
                         ("io.micronaut.http", "HTTP (Netty, routing, JSON, filters)"),
                         ("jdk.jfr", "JFR itself")]:
        if needle in joined:
            return name
    return "other"


def main(jfr):
    load = events(jfr, "jdk.CPULoad")
    cores = os.cpu_count()
    print(f"JVM CPU: {sum(e['values']['jvmUser'] + e['values']['jvmSystem'] for e in load) * cores:.1f} s"
          f" over {len(load)} s, machine busy {sum(e['values']['machineTotal'] for e in load) / max(1, len(load)):.0%}")
    by_work = collections.Counter()
    for e in events(jfr, "jdk.ExecutionSample"):
        stack = frames(e)
        if stack and not any("Application.main" in f or "DefaultBeanContext.start" in f for f in stack):
            by_work[work(stack)] += 1
    total = sum(by_work.values()) or 1
    print(f"Java execution samples after start-up: {total}")
    for name, n in by_work.most_common():
        print(f"  {n:6d} {n / total:6.1%}  {name}")
    count, ms = collections.Counter(), collections.Counter()
    for e in events(jfr, "jdk.SocketRead"):
        named = [f for f in frames(e) if f.startswith("fi.suoja") and "Lambda" not in f and "lambda$" not in f]
        key = named[0] if named else "(outside Suoja code)"
        count[key] += 1
        ms[key] += millis(e)
    print("Socket reads over 10 ms, by the Suoja method waiting:")
    for key, n in count.most_common(15):
        print(f"  {n:6d} {ms[key]:9.0f} ms  {key}")


if __name__ == "__main__":
    main(sys.argv[1])
