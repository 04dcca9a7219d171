"""bench/search.py, the driving side: the bench Elasticsearch, the worker, scratch
databases, and the parts (rebuild, latency, freshness, outage, relevance) that run the
`--child` modes of `search_measures` in fresh processes."""

import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
import traceback
from pathlib import Path

import common
from common import PYTHON, ROOT, log
from search_shared import (
    DATABASE,
    INDEX_PREFIX,
    JUDGMENTS,
    SCRIPT,
    SHARED_ES_PORT,
    SYNTHETIC_QUERIES,
    WAGTAIL_PREFIX,
    _new_word,
    load_judgments,
)

# -------------------------------------------------------------- the run ---


class BenchElasticsearch:
    """The benchmark's own Elasticsearch, run by bin/services in a state dir of its own."""

    def __init__(self, args):
        if args.es_port == SHARED_ES_PORT:
            raise SystemExit(f"Port {SHARED_ES_PORT} is the shared Elasticsearch: pick another.")
        self.dir = Path(args.services_dir)
        self.url = f"http://127.0.0.1:{args.es_port}"
        self.env = {
            **os.environ,
            "OGPT_SERVICES_DIR": str(self.dir),
            "OGPT_ES_PORT": str(args.es_port),
            "OGPT_PG_PORT": str(args.es_pg_port),
        }
        self.pidfile = self.dir / "elasticsearch" / "elasticsearch.pid"

    def services(self, action):
        started = time.perf_counter()
        result = subprocess.run(
            [str(ROOT / "bin" / "services"), action], cwd=ROOT, env=self.env,
            capture_output=True, text=True, timeout=900, check=False,
        )  # fmt: skip
        if result.returncode:
            raise RuntimeError(f"bin/services {action} failed:\n{result.stderr[-3000:]}")
        return time.perf_counter() - started

    def start(self):
        return self.services("start")

    def stop_elasticsearch(self):
        """Stop only this Elasticsearch (TERM to the pid bin/services recorded), as
        `bin/services stop` does, but leaving its idle PostgreSQL alone."""
        pid = int(self.pidfile.read_text().strip())
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                self.pidfile.unlink(missing_ok=True)
                return
            time.sleep(0.2)
        os.kill(pid, signal.SIGKILL)
        self.pidfile.unlink(missing_ok=True)

    def client(self):
        from elasticsearch import Elasticsearch

        return Elasticsearch(self.url, request_timeout=60)

    def delete_bench_indices(self):
        es = self.client()
        for pattern in (f"{INDEX_PREFIX}-*", f"{WAGTAIL_PREFIX}*"):
            es.options(ignore_status=404).indices.delete(
                index=pattern, expand_wildcards="all", ignore_unavailable=True
            )

    def cpu_seconds(self):
        """CPU time (user + system) the Elasticsearch JVM has used so far."""
        pid = int(self.pidfile.read_text().strip())
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def wait_until_idle(self, limit_s=120, quiet_cpu_s=0.05):
        """Wait until the JVM has used under `quiet_cpu_s` of CPU in each of 3
        seconds in a row: a command's index goes on being merged after it
        returns, and that work must not be counted against the next command."""
        started = time.monotonic()
        quiet = 0
        while quiet < 3 and time.monotonic() - started < limit_s:
            before = self.cpu_seconds()
            time.sleep(1)
            quiet = quiet + 1 if self.cpu_seconds() - before < quiet_cpu_s else 0
        return time.monotonic() - started

    def count(self, index):
        es = self.client()
        es.indices.refresh(index=index)
        return es.count(index=index)["count"]


def run_measured(command, env, es, timeout=7200):
    """Run a command; its wall time, its CPU time and the CPU time Elasticsearch
    spent meanwhile (the machine is shared: CPU seconds are steadier than wall time)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    es_before = es.cpu_seconds()
    out, seconds = common.run(command, env, timeout=timeout)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return out, {"seconds": seconds, "cpu_s": cpu, "es_cpu_s": es.cpu_seconds() - es_before}


def child(env, mode, *extra, timeout=3600):
    out, seconds = common.run([PYTHON, SCRIPT, "--child", mode, *extra], env, timeout=timeout)
    return json.loads(out), seconds


def start_worker(env, log_path):
    log_file = open(log_path, "wb")  # noqa: SIM115 (closed in stop_worker)
    process = subprocess.Popen(
        [PYTHON, "manage.py", "db_worker"], cwd=ROOT, env=env, stdout=log_file, stderr=log_file
    )
    process.log_file = log_file
    return process


def stop_worker(process):
    common.stop(process)
    process.log_file.close()


def fresh_database(base_url, env, log_label):
    log(f"creating database {DATABASE} ({log_label})")
    common.create_database(base_url, DATABASE)
    _out, seconds = common.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    return seconds


def rebuilds(env, es, args, result):
    """Our rebuild and Wagtail's update_index on the same Elasticsearch, alternately;
    a command that only starts Django is timed too (start-up is in both)."""
    runs = {"ours": [], "wagtail_es8": [], "startup": []}
    commands = {
        "ours": [PYTHON, "manage.py", "search_index", "rebuild"],
        "wagtail_es8": [PYTHON, "manage.py", "update_index", "--backend", "bench_es8"],
        "startup": [PYTHON, "manage.py", "shell", "-c", "pass"],
    }
    # Untimed rounds of both first. A new Elasticsearch compiles its indexing
    # code paths over many minutes of work: on a fresh JVM, our rebuild took
    # 27.5, 15.3, 11.7, 13.0, 10.5, 9.1, 8.5 s of Elasticsearch CPU in seven
    # runs in a row, and settled at 6.2-7 s after a dozen; an Elasticsearch in
    # service has long done that. One round left the timed runs in the middle
    # of that curve, which weighs most on the command that leaves most of
    # the work to Elasticsearch.
    warmup = {name: [] for name in ("ours", "wagtail_es8")}
    for n in range(args.warmup_rounds):
        for name in warmup:
            log(f"rebuild warm-up {n + 1}/{args.warmup_rounds} (not timed): {name}")
            log(f"  Elasticsearch idle after {es.wait_until_idle():.1f} s")
            _out, measured = run_measured(commands[name], env, es)
            warmup[name].append(measured)
            wall, es_cpu = measured["seconds"], measured["es_cpu_s"]
            log(f"  {wall:.1f} s wall, Elasticsearch {es_cpu:.1f} s CPU")
    for n in range(args.rebuild_runs):
        order = ("startup", "ours", "wagtail_es8")
        order = order if n % 2 == 0 else order[::-1]
        for name in order:
            log(f"rebuild {n + 1}/{args.rebuild_runs}: {name}")
            log(f"  Elasticsearch idle after {es.wait_until_idle():.1f} s")
            out, measured = run_measured(commands[name], env, es)
            if name != "startup":
                index = f"{INDEX_PREFIX}-entries" if name == "ours" else f"{WAGTAIL_PREFIX}*"
                measured["documents"] = es.count(index)
            measured["output"] = out.strip()[-600:]
            runs[name].append(measured)
            log(f"  {measured['seconds']:.1f} s wall, {measured['cpu_s']:.1f} s CPU, "
                f"Elasticsearch {measured['es_cpu_s']:.1f} s CPU")  # fmt: skip
    entries = result["info"]["entries"]
    summary = {}
    for name, values in runs.items():
        median = {
            key: statistics.median(v[key] for v in values)
            for key in ("seconds", "cpu_s", "es_cpu_s")
        }
        summary[name] = {"runs": values, **{f"median_{k}": v for k, v in median.items()}}
    startup = summary["startup"]
    for name in ("ours", "wagtail_es8"):
        x = summary[name]
        x["documents"] = x["runs"][-1]["documents"]
        x["entries_per_s"] = entries / x["median_seconds"]
        x["documents_per_s"] = x["documents"] / x["median_seconds"]
        x["net_cpu_s"] = x["median_cpu_s"] - startup["median_cpu_s"] + x["median_es_cpu_s"]
        x["entries_per_cpu_s"] = entries / x["net_cpu_s"]
    try:
        summary["doc_cost"], _s = child(env, "doc-cost", "--expected", 500)
    except RuntimeError as error:  # an explanation only: the throughput stands without it
        log(f"doc-cost failed: {error}")
    summary["warmup"] = warmup
    ours, theirs = summary["ours"], summary["wagtail_es8"]
    summary["ratio"] = ours["entries_per_s"] / theirs["entries_per_s"]
    summary["ratio_cpu"] = ours["entries_per_cpu_s"] / theirs["entries_per_cpu_s"]
    if args.profile:
        summary["profiles"] = {
            name: profile(env, commands[name][1:]) for name in ("ours", "wagtail_es8")
        }
    return summary


def profile(env, command):
    """The top of a cProfile of one more run of `command` (cumulative time)."""
    with tempfile.NamedTemporaryFile(suffix=".prof") as output:
        common.run([PYTHON, "-m", "cProfile", "-o", output.name, *command], env, timeout=7200)
        script = (
            "import pstats, sys; p = pstats.Stats(sys.argv[1]); "
            "p.sort_stats('cumulative').print_stats(30)"
        )
        out, _s = common.run([PYTHON, "-c", script, output.name], env)
    return out[out.find("ncalls") :][:6000]


def latency_sets(args):
    sets = {}
    if JUDGMENTS.exists():
        try:
            sets["judgments.yaml"] = [(q, lang) for q, lang, _e in load_judgments(JUDGMENTS)]
        except Exception as error:
            log(f"cannot read {JUDGMENTS}: {error}")
    sets["synthetic vocabulary"] = SYNTHETIC_QUERIES
    return sets


def outage(env, es, args, result):
    """Stop Elasticsearch, publish edits, start it, poll the drift (worker running)."""
    rng = random.Random(args.seed)
    marker = _new_word(rng, "zq")
    log(f"outage: stopping the bench Elasticsearch ({es.url})")
    down_at = time.time()
    es.stop_elasticsearch()
    edits, _s = child(
        env, "outage-edits", "--marker", marker, "--offset", args.edits + 10,
        "--outage-edits", args.outage_edits, "--unpublish", args.unpublish,
        "--create", args.create,
    )  # fmt: skip
    log(f"outage: {edits['edited']} edits in {edits['edits_s']:.0f} s; starting Elasticsearch")
    start_s = es.start()
    ready = time.time()
    log(f"outage: Elasticsearch answered after {start_s:.0f} s; polling the drift")
    keys = Path(env["CACHE_LOCATION"]) / "edited-keys.json"
    keys.write_text(json.dumps(edits.pop("edited_keys")))
    drift, _s = child(
        env, "drift", "--marker", marker, "--queries", keys,
        "--es-ready", ready, "--timeout", args.drift_timeout,
    )  # fmt: skip
    return {
        "marker": marker,
        "edits": edits,
        "es_down_s": ready - down_at,
        "es_start_s": start_s,
        **drift,
    }


def run_all(args):
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit('Set DATABASE_URL to PostgreSQL: eval "$(bin/services env)"')
    es = BenchElasticsearch(args)
    db_url = common.database_url(base_url, DATABASE)
    static_root = Path(tempfile.mkdtemp(prefix="ogpt-bench-static-"))
    cache_dir = Path(tempfile.mkdtemp(prefix="ogpt-bench-cache-"))
    env = common.production_env(db_url, static_root, 8000, cache_dir)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.search_settings",
        ELASTICSEARCH_URL=es.url,
        ELASTICSEARCH_INDEX_PREFIX=INDEX_PREFIX,
        BENCH_WAGTAIL_INDEX_PREFIX=WAGTAIL_PREFIX,
    )
    manage = [PYTHON, "manage.py"]
    result = {"database": DATABASE, "elasticsearch": es.url, "args": vars(args)}
    worker = None
    log(f"starting the bench Elasticsearch ({es.url}, state in {es.dir})")
    result["es_first_start_s"] = es.start()
    try:
        es.delete_bench_indices()
        result["migrate_s"] = fresh_database(base_url, env, "catalogue")
        common.run([*manage, "collectstatic", "--noinput", "-v0"], env)
        others = max(1, args.tools // 10)
        log(f"generating {args.tools} tools, {others} use cases, {others} organizations")
        out, result["generate_s"] = common.run(
            [*manage, "generate_catalogue", "--tools", args.tools, "--use-cases", others,
             "--organizations", others, "--revisions", 1, "--no-progress"],
            env, timeout=3600,
        )  # fmt: skip
        result["generate_output"] = out.strip()
        result["info"], _s = child(env, "info")
        log(f"catalogue: {result['info']}")
        if "latency" in args.parts:  # only the latency part searches the database backend
            log("update_index --backend default (database FTS)")
            _out, result["database_index_s"] = common.run(
                [*manage, "update_index", "--backend", "default"], env, timeout=7200
            )
            log(f"database index filled in {result['database_index_s']:.0f} s")

        def part(name, measure):
            """Run one part; a failure is recorded and the other parts still run."""
            result[name] = None
            if name not in args.parts:
                return
            try:
                result[name] = measure()
            except Exception:
                log(f"{name}: FAILED\n{traceback.format_exc()[-3000:]}")
                result[name] = {"error": traceback.format_exc()[-3000:]}

        part("rebuild", lambda: rebuilds(env, es, args, result))
        if not result["rebuild"] or "error" in result["rebuild"]:  # the others need our index
            common.run([*manage, "search_index", "rebuild"], env, timeout=7200)

        queries = Path(cache_dir) / "queries.json"
        sets = latency_sets(args)
        queries.write_text(json.dumps(sets))
        log(f"latency: {', '.join(f'{k} ({len(v)})' for k, v in sets.items())}, {args.reps}x")
        part(
            "latency",
            lambda: child(env, "latency", "--queries", queries, "--reps", args.reps, "--limit", 10)[
                0
            ],
        )

        worker = start_worker(env, cache_dir / "worker.log")
        time.sleep(3)
        log(f"freshness: {args.edits} edits with the worker running")
        part(
            "freshness",
            lambda: child(
                env, "freshness", "--edits", args.edits, "--timeout", 120, "--seed", args.seed
            )[0],
        )
        part("outage", lambda: outage(env, es, args, result))
        if result["outage"] and "error" in result["outage"]:
            es.start()  # the relevance part needs it
        stop_worker(worker)
        worker_log = (cache_dir / "worker.log").read_text(errors="replace")
        result["worker_log_tail"] = worker_log[-3000:]
        worker = None

        if JUDGMENTS.exists():
            part("relevance", lambda: relevance(base_url, env, es))
        else:
            result["relevance"] = None
            log(f"relevance: skipped ({JUDGMENTS.relative_to(ROOT)} does not exist)")
    finally:
        if worker is not None:
            stop_worker(worker)
        shutil.rmtree(static_root, ignore_errors=True)
        shutil.rmtree(cache_dir, ignore_errors=True)
        if not args.keep:
            common.drop_database(base_url, DATABASE)
            log(f"dropped database {DATABASE}")
            try:
                es.delete_bench_indices()
            except Exception as error:  # stopped by the outage part: nothing to delete from
                log(f"could not delete the bench indexes: {error}")
            es.services("stop")
            log("stopped the bench Elasticsearch (and its idle PostgreSQL)")
    return result


def relevance(base_url, env, es):
    log("relevance: fresh database with the demo catalogue")
    es.delete_bench_indices()
    fresh_database(base_url, env, "demo catalogue")
    common.run([PYTHON, "manage.py", "load_demo_data"], env)
    common.run([PYTHON, "manage.py", "update_index", "--backend", "default"], env)
    common.run([PYTHON, "manage.py", "search_index", "rebuild"], env)
    report, _s = child(env, "relevance", "--judgments", JUDGMENTS)
    return report
