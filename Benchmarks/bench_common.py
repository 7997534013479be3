"""What the benchmarks share: CPU time of a child process, the median of runs, opening a store."""
import resource, sqlite3, subprocess, sys, zlib


def cpu_of(command):
    """Runs `command`; returns its user + system CPU seconds and its standard output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"{command[0]} failed: {proc.stderr.decode()[-500:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), proc.stdout


def median(values):
    return sorted(values)[len(values) // 2]


def timed_runs(command, peer, count, runs):
    """Runs `command` and the `peer` command `runs` times each, alternating; checks that the
    command wrote one line per input; returns the median CPU seconds of each."""
    own, other = [], []
    for _ in range(runs):
        cpu, out = cpu_of(command)
        lines = out.count(b"\n")
        if lines != count:
            sys.exit(f"byline wrote {lines} documents for {count} inputs")
        own.append(cpu)
        other.append(cpu_of(peer)[0])
    return median(own), median(other)


def cpu_seconds(command, timeout=None):
    """Runs `command` with its output thrown away; returns its user + system CPU seconds, or
    None when it ran longer than `timeout` seconds of wall time (it is then stopped)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"{command[0]} failed: {proc.stderr.decode()[-500:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def open_store(path):
    """The SQLite store at `path`, with the function its view `article` reads text through
    (article text is kept zlib-compressed behind a 4-byte length; see CompressedText.swift)."""
    connection = sqlite3.connect(path)
    connection.create_function(
        "bylineText", 1, lambda body: body if body is None or isinstance(body, str) else zlib.decompress(body[4:]).decode("utf-8"))
    return connection
