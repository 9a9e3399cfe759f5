#!/usr/bin/python3
"""Side-by-side benchmark: Augment's tabular samplers vs imbalanced-learn (Debian python3-imblearn) on the same
make_classification data (weights 0.9/0.1, 32 features), in the same run, interleaved in rounds.

Both sides run fit_resample in a fresh process per round; the time printed is the in-process resample time
(data loading excluded), the memory is the process's peak RSS (GNU time), which includes the loaded table and
the runtime (.NET or CPython + numpy + scikit-learn). Prints the median ratio (imbalanced-learn time /
ours) with its min..max spread, and the end-to-end CLI time (CSV read + resample + CSV write) once per size.

Usage: /usr/bin/python3 bench/tabular/run.py [--sizes 100000,1000000] [--rounds 3] [--nc-rounds 1]
       [--methods smote,borderline-smote,adasyn,smote-nc] [--threads -1]
Install OpenBLAS first (apt-get install libopenblas0-pthread): Debian's numpy otherwise uses the reference BLAS.
"""
import argparse
import os
import statistics
import math
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
WORK = os.environ.get("AUGMENT_BENCH_DIR", "/tmp/augment-bench-tabular")
BENCH_DLL = os.path.join(HERE, "TabularBench", "bin", "Release", "net10.0", "TabularBench.dll")
CLI_DLL = os.path.join(ROOT, "src", "Augment.Cli", "bin", "Release", "net10.0", "augment.dll")
CATEGORICAL = 4


def worker(path, method, categorical):
    """Runs imbalanced-learn in this process (called as a subprocess)."""
    import warnings
    warnings.filterwarnings("ignore")
    import numpy as np
    from imblearn.over_sampling import ADASYN, SMOTE, SMOTENC, BorderlineSMOTE
    with open(path, "rb") as f:
        n, d = np.fromfile(f, dtype=np.int64, count=2)
        X = np.fromfile(f, dtype=np.float64, count=n * d).reshape(n, d)
        y = np.fromfile(f, dtype=np.int64, count=n)
    if method == "smote-nc":
        sampler = SMOTENC(categorical_features=list(range(d - categorical, d)), random_state=0)
    else:
        sampler = {"smote": SMOTE, "borderline-smote": BorderlineSMOTE, "adasyn": ADASYN}[method](random_state=0)
    start = time.perf_counter()
    cpu = time.process_time()
    _, yr = sampler.fit_resample(X, y)
    print("seconds=%.4f cpu=%.4f rows=%d" % (time.perf_counter() - start, time.process_time() - cpu, len(yr)))


def blas():
    try:
        import numpy  # noqa: F401  (threadpoolctl only sees libraries already loaded)
        import sklearn.neighbors  # noqa: F401
        from threadpoolctl import threadpool_info
        info = [f"{i.get('internal_api')} {i.get('version')} ({i.get('threading_layer')}, {i.get('num_threads')} threads)"
                for i in threadpool_info() if i.get("user_api") == "blas"]
    except ImportError:
        info = []
    return "; ".join(info) if info else "reference BLAS (netlib) - install libopenblas0-pthread for a fair reference"


def make_data(n, categorical):
    import numpy as np
    from sklearn.datasets import make_classification
    suffix = "-nc" if categorical else ""
    path = os.path.join(WORK, f"table-{n}{suffix}.bin")
    csv = os.path.join(WORK, f"table-{n}{suffix}.csv")
    if os.path.exists(path) and os.path.exists(csv):
        return path, csv
    X, y = make_classification(n_samples=n, n_features=32, n_informative=20, weights=[0.9, 0.1], random_state=0)
    if categorical:
        for c in range(32 - CATEGORICAL, 32):
            X[:, c] = np.digitize(X[:, c], np.quantile(X[:, c], [0.2, 0.4, 0.6, 0.8]))
    with open(path, "wb") as f:
        np.array([n, 32], dtype=np.int64).tofile(f)
        X.astype(np.float64).tofile(f)
        y.astype(np.int64).tofile(f)
    header = ",".join([f"x{i}" for i in range(32)] + ["y"])
    fmt = ["%.17g"] * (32 - CATEGORICAL) + (["c%d"] * CATEGORICAL if categorical else ["%.17g"] * CATEGORICAL) + ["%d"]
    np.savetxt(csv, np.column_stack([X, y]), delimiter=",", header=header, comments="", fmt=fmt)
    return path, csv


def group_peak_mib(pgid):
    """Largest VmHWM (peak RSS) among the live processes of a process group, in MiB."""
    peak = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if os.getpgid(int(pid)) != pgid:
                continue
            with open(f"/proc/{pid}/status") as f:
                peak = max([peak] + [int(l.split()[1]) for l in f if l.startswith("VmHWM:")])
        except (OSError, ValueError):
            pass
    return peak / 1024


def run(cmd, env=None, timeout=None):
    """Runs a command under GNU time; returns (in-process seconds printed by it, its process CPU seconds, peak RSS
    in MiB). A run still going at `timeout` is killed with its whole process group and returns (timeout, nan, peak
    RSS so far): both are then lower bounds."""
    timed = (["/usr/bin/time", "-f", "maxrss=%M"] if os.path.exists("/usr/bin/time") else []) + cmd
    proc = subprocess.Popen(timed, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        peak = group_peak_mib(proc.pid)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return float(timeout), float("nan"), peak
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {err}")
    seconds = next(float(t.split("=")[1]) for t in out.split() if t.startswith("seconds="))
    cpu = next(float(t.split("=")[1]) for t in out.split() if t.startswith("cpu="))
    peak = [int(line.split("=")[1]) / 1024 for line in err.splitlines() if line.startswith("maxrss=")]
    return seconds, cpu, peak[-1] if peak else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--nc-rounds", type=int, default=1)
    parser.add_argument("--methods", default="smote,borderline-smote,adasyn,smote-nc")
    parser.add_argument("--threads", default="-1")
    parser.add_argument("--cold", action="store_true",
                        help="time ours on its first call (JIT included) instead of after one untimed warm-up call")
    parser.add_argument("--ref-timeout", type=float, default=None,
                        help="kill imbalanced-learn after this many seconds; its time is then reported as a lower bound")
    parser.add_argument("--worker", nargs=3)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], args.worker[1], int(args.worker[2]))
        return
    os.makedirs(WORK, exist_ok=True)
    print(f"BLAS used by numpy/scikit-learn: {blas()}")
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()}")
    for project in ("bench/tabular/TabularBench", "src/Augment.Cli"):
        subprocess.run(["dotnet", "build", "-c", "Release", "--nologo", "-v", "q", project], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    env = dict(os.environ, DOTNET_TieredPGO="1", AUGMENT_BENCH_WARMUP="0" if args.cold else "1")
    print("ours: " + ("first call, JIT included" if args.cold else
                      "after one untimed warm-up call on the first 20k rows, same process (imbalanced-learn's imports are not timed either)"))
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        for method in args.methods.split(","):
            categorical = CATEGORICAL if method == "smote-nc" else 0
            path, csv = make_data(n, categorical > 0)
            ours_cmd = ["dotnet", BENCH_DLL, path, method, str(categorical), args.threads]
            theirs_cmd = ["/usr/bin/python3", os.path.abspath(__file__), "--worker", path, method, str(categorical)]
            ours, theirs, mem_ours, mem_theirs, cpu_ours, cpu_theirs = [], [], [], [], [], []
            rounds = args.nc_rounds if method == "smote-nc" else args.rounds
            for r in range(rounds):
                order = [(ours_cmd, ours, cpu_ours, mem_ours), (theirs_cmd, theirs, cpu_theirs, mem_theirs)]
                if r % 2 == 1:
                    order.reverse()
                for cmd, times, cpus, peaks in order:
                    seconds, cpu, peak = run(cmd, env, args.ref_timeout if cmd is theirs_cmd else None)
                    times.append(seconds)
                    cpus.append(cpu)
                    peaks.append(peak)
                cut = ">" if math.isnan(cpu_theirs[-1]) else ""
                print(f"  n={n} {method} round {r + 1}: ours {ours[-1]:.3f} s (CPU {cpu_ours[-1]:.3f} s), "
                      f"imbalanced-learn {cut}{theirs[-1]:.3f} s (CPU {cpu_theirs[-1]:.3f} s)"
                      + (" (killed at --ref-timeout: a lower bound)" if cut else ""), flush=True)
            ratios = [t / o for o, t in zip(ours, theirs)]
            cpu_ratios = [t / o for o, t in zip(cpu_ours, cpu_theirs)]
            cut = ">=" if any(math.isnan(c) for c in cpu_theirs) else ""
            rows.append((n, method, cut, statistics.median(ours), statistics.median(theirs), statistics.median(ratios),
                         min(ratios), max(ratios), max(mem_ours), max(mem_theirs), statistics.median(cpu_ours),
                         statistics.median(cpu_theirs), statistics.median(cpu_ratios)))
        path, csv = make_data(n, False)
        out = os.path.join(WORK, f"out-{n}.csv")
        start = time.perf_counter()
        subprocess.run(["dotnet", CLI_DLL, "tabular", "--input", csv, "--label", "y", "--method", "smote", "--k", "5",
                        "--strategy", "auto", "--seed", "0", "--output", out], check=True, stdout=subprocess.DEVNULL)
        print(f"  n={n} end-to-end CLI (augment tabular, smote, CSV in and out, process start included): "
              f"{time.perf_counter() - start:.2f} s", flush=True)
    print()
    print("| n | method | ours (s) | imbalanced-learn (s) | ratio (median) | ratio spread | CPU ours (s) | CPU imblearn (s) "
          "| CPU ratio | peak MiB ours | peak MiB imblearn |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for n, method, cut, o, t, ratio, lo, hi, mo, mt, co, ct, cr in rows:
        print(f"| {n} | {method} | {o:.3f} | {cut}{t:.3f} | {cut}{ratio:.1f}x | {lo:.1f}x-{hi:.1f}x | {co:.3f} | {ct:.3f} | {cr:.1f}x "
              f"| {mo:.0f} | {cut}{mt:.0f} |")


if __name__ == "__main__":
    main()
