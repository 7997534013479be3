#!/usr/bin/env python3
"""schemathesis against the OpenAPI document of `byline serve` over the dev store.

    python3 Tests/Server/api_schema.py [--binary PATH] [--examples N]

Builds a store of the dev fixtures (../shared/fixtures), serves it on 127.0.0.1, and runs
schemathesis (PyPI) on every operation of /api/v1/openapi.json with the checks that matter
here: no server error (5xx), every status code documented, every response's content type and
body as its schema says. Exits non-zero on any failure; the last line is the verdict.
"""
import argparse, os, shutil, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serverctl  # noqa: E402

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=None)
    parser.add_argument("--examples", type=int, default=40, help="examples per operation")
    args = parser.parse_args()
    binary = args.binary or serverctl.default_binary()
    schemathesis = shutil.which("schemathesis") or shutil.which("st")
    if not schemathesis:
        sys.exit("api_schema: schemathesis is not installed (pip install schemathesis)")
    folder = serverctl.temporary_folder("byline-schema-")
    try:
        db = serverctl.dev_store(binary, folder)
        with serverctl.DevServer(binary, db, log=os.path.join(folder, "serve.log")) as server:
            command = [
                schemathesis, "run", server.url + "api/v1/openapi.json", "--url", server.url.rstrip("/"),
                "--checks", CHECKS, "--max-examples", str(args.examples), "--seed", "15", "--workers", "1",
                "--suppress-health-check", "all", "--no-color",
            ]
            result = subprocess.run(command, cwd=folder)
        print(f"schemathesis: {'no failures' if result.returncode == 0 else 'FAILURES'} over the dev store "
              f"({args.examples} examples per operation; checks {CHECKS})")
        sys.exit(result.returncode)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
