"""Starting and stopping `byline serve` for the server's out-of-process tests (schemathesis,
the browser tests) and its load benchmark.

    with DevServer(binary, db) as server:
        urllib.request.urlopen(server.url + "api/v1/stats")

The server binds 127.0.0.1 on a free port (--port 0) and prints the address it serves on; on
leaving the block it gets SIGTERM and must exit 0 within 30 seconds (a graceful shutdown).
"""
import glob, json, os, re, signal, subprocess, sys, tempfile, threading

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "..", "shared", "fixtures")


def default_binary():
    for kind in ("release", "debug"):
        path = os.path.join(ROOT, ".build", kind, "byline")
        if os.path.exists(path):
            return path
    sys.exit("serverctl: no .build/release/byline or .build/debug/byline; run swift build first")


def fixture_inputs():
    """The article of every gold file under ../shared/fixtures: the seed, the scrapes and the
    real pages (whose gold names its input)."""
    inputs = []
    for gold in sorted(glob.glob(os.path.join(FIXTURES, "**", "*.gold.json"), recursive=True)):
        named = json.load(open(gold, encoding="utf-8")).get("input")
        path = os.path.normpath(os.path.join(os.path.dirname(gold), named)) if named else gold[: -len(".gold.json")] + ".txt"
        if os.path.exists(path):
            inputs.append(path)
    if not inputs:
        sys.exit(f"serverctl: no fixtures under {FIXTURES}")
    return inputs


def seed_path():
    return os.path.join(FIXTURES, "seed", "korea-herald-2024-11-10.txt")


def dev_store(binary, folder, extra=()):
    """A store of the dev fixtures (and `extra` inputs) made with `byline ingest` in `folder`."""
    db = os.path.join(folder, "dev.db")
    subprocess.run([binary, "ingest", "--db", db] + fixture_inputs() + list(extra), check=True, stdout=subprocess.DEVNULL)
    return db


class DevServer:
    """`byline serve --db DB --port 0` on 127.0.0.1, for the length of a `with` block."""

    def __init__(self, binary, db, log=None):
        self.binary, self.db = binary, db
        self.log = log or os.devnull
        self.url = None
        self.process = None

    def __enter__(self):
        self.log_file = open(self.log, "w")
        self.process = subprocess.Popen(
            [self.binary, "serve", "--db", self.db, "--host", "127.0.0.1", "--port", "0"],
            stdout=self.log_file, stderr=subprocess.PIPE, text=True)
        ready = threading.Event()

        def read():
            for line in self.process.stderr:
                match = re.search(r"serving .* on (http://127\.0\.0\.1:\d+/)", line)
                if match and not ready.is_set():
                    self.url = match.group(1)
                    ready.set()
                self.log_file.write(line)
            ready.set()

        threading.Thread(target=read, daemon=True).start()
        if not ready.wait(120) or self.url is None:
            self.process.kill()
            sys.exit("serverctl: byline serve did not start (see its log)")
        return self

    def __exit__(self, *error):
        self.process.send_signal(signal.SIGTERM)
        try:
            status = self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            sys.exit("serverctl: byline serve did not stop within 30 s of SIGTERM")
        if status != 0 and error[0] is None:
            sys.exit(f"serverctl: byline serve exited {status} after SIGTERM (a graceful shutdown exits 0)")
        print(f"serverctl: byline serve stopped on SIGTERM with status {status}", file=sys.stderr)
        return False

    @property
    def pid(self):
        return self.process.pid


def temporary_folder(prefix):
    return tempfile.mkdtemp(prefix=prefix)
