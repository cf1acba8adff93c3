#!/usr/bin/env python3
"""Speed benchmark of `kata`, each figure against a baseline measured in the same run.

Runs A and B alternately and quotes medians of several runs (the machine is noisy):
  1. `kata submit` of a correct, never-seen solution (a comment changes every run) of
     max-sum-subarray and of two-sum, against bare `rustc --edition 2021 -O` of the same
     function with a trivial `main`;
  2. re-submitting the identical file (cached build);
  3. per-test overhead: a kata with 200 tiny tests against one with 1;
  4. harness input speed: a test whose argument is a 10^6-element Vec<i64>, against a
     1-element one (the solution's own work is a sum);
  5. `kata list` with 1,000 generated katas in `--katas`;
  6. `kata grade` of a class of never-seen files (students x katas) on every core, against
     `kata submit --json` of the same files one after another (their number over the
     cores is the ideal speed-up).

Usage: cargo build --release && python3 scripts/bench.py [--runs N] [--only submit|grade]

Measures 1 run for max-sum-subarray (16 tests, one with 10^6 values) and for two-sum;
every ratio is taken pair by pair (A and B ran one after the other) and quoted as the
median with min and max.
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KATA = os.path.join(ROOT, "target", "release", "kata")


def timed(cmd, **kw):
    start = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    elapsed = time.perf_counter() - start
    return elapsed, p


def children_cpu():
    """CPU seconds (user + system) used so far by the commands this script ran."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def must(p, what):
    if p.returncode != 0:
        sys.exit(f"{what} failed ({p.returncode}):\n{p.stdout.decode()}\n{p.stderr.decode()}")


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def ms(x):
    return f"{x * 1000:.1f} ms"


# The bare baseline: the same function with a trivial `main`, compiled by hand.
BARE_MAIN = {
    "two-sum": 'fn main() { println!("{:?}", two_sum(&[2, 7, 11, 15], 9)); }',
    "max-sum-subarray": 'fn main() { println!("{}", max_sum_subarray(&[2, 1, 5, 1, 3, 2], 3)); }',
}


def ratios(a, b):
    """A/B pair by pair, A and B having run alternately."""
    return [x / y for x, y in zip(a, b)]


def bench_submit(work, runs, env, kata):
    """1: a never-seen correct solution against bare rustc -O, alternately; 2: a re-submit."""
    src = open(os.path.join(ROOT, "solutions", f"{kata}.rs")).read()
    d = os.path.join(work, f"submit-{kata}")
    os.makedirs(d)
    sol = os.path.join(d, f"{kata}.rs")
    bare = os.path.join(d, "bare.rs")
    kata_times, rustc_times = [], []
    # Warm up: the harness runtime and the kata's generated tests are built once per
    # toolchain and kata, not per submission.
    write(sol, src)
    _, p = timed([KATA, "submit", sol], cwd=d, env=env)
    must(p, "warm-up submit")
    for i in range(runs):
        nonce = f"// run {i} {time.time_ns()}\n"
        write(sol, nonce + src)
        write(bare, nonce + src + "\n" + BARE_MAIN[kata] + "\n")
        t, p = timed(["rustc", "--edition", "2021", "-O", bare, "-o", os.path.join(d, "bare")], cwd=d)
        must(p, "rustc")
        rustc_times.append(t)
        t, p = timed([KATA, "submit", sol], cwd=d, env=env)
        must(p, "kata submit")
        kata_times.append(t)
    resubmit = []
    for _ in range(runs):
        t, p = timed([KATA, "submit", sol], cwd=d, env=env)
        must(p, "kata re-submit")
        resubmit.append(t)
    return kata_times, rustc_times, resubmit


def function_kata(name, tests, generator=None, time_limit=2000):
    head = f'''title = "{name}"
topic = "bench"
difficulty = "easy"
time_limit_ms = {time_limit}
statement = "Sum."
[function]
signature = "pub fn total(nums: &[i64]) -> i64"
[[samples]]
args = [[1, 2]]
expected = 3
'''
    if generator:
        head += f"[generator]\nsource = '''\n{generator}\n'''\n"
    return head + tests


SUM = "pub fn total(nums: &[i64]) -> i64 { nums.iter().sum() }\n"


def bench_per_test(work, runs, env):
    """3: a kata with 200 tiny tests against one with 1, both with a cached build."""
    katas = os.path.join(work, "per-test", "katas")
    os.makedirs(katas)
    tiny = lambda i: f'[[tests]]\nname = "t{i}"\nargs = [[{i}, 1]]\nexpected = {i + 1}\n'
    write(os.path.join(katas, "many.toml"), function_kata("many", "".join(tiny(i) for i in range(199))))
    write(os.path.join(katas, "one.toml"), function_kata("one", ""))
    for k in ["many", "one"]:
        write(os.path.join(work, "per-test", f"{k}.rs"), SUM)
    many, one = [], []
    cmd = lambda k: [KATA, "--katas", katas, "submit", f"{k}.rs", "--rerun"]
    for k in ["many", "one"]:
        must(timed(cmd(k), cwd=os.path.join(work, "per-test"), env=env)[1], k)
    for _ in range(runs):
        t, p = timed(cmd("many"), cwd=os.path.join(work, "per-test"), env=env)
        must(p, "many")
        many.append(t)
        t, p = timed(cmd("one"), cwd=os.path.join(work, "per-test"), env=env)
        must(p, "one")
        one.append(t)
    return [(m - o) / 199 for m, o in zip(many, one)], many, one


def bench_input(work, runs, env):
    """4: the CPU time of a test with a 10^6-element argument against a 1-element one."""
    d = os.path.join(work, "input")
    katas = os.path.join(d, "katas")
    os.makedirs(katas)
    gen = "pub fn generate(rng: &mut Rng, size: usize) -> (Vec<i64>,) {\n    ((0..size).map(|_| rng.range_i64(-1_000_000_000_000, 1_000_000_000_000)).collect(),)\n}"
    tests = '[[tests]]\nname = "big"\ngenerate = { seed = 1, size = 1000000 }\n[[tests]]\nname = "small"\ngenerate = { seed = 1, size = 1 }\n'
    write(os.path.join(katas, "big.toml"), function_kata("big", tests, gen))
    os.makedirs(os.path.join(d, "solutions"))
    write(os.path.join(d, "solutions", "big.rs"), SUM)
    write(os.path.join(d, "big.rs"), SUM)
    big, small = [], []
    for _ in range(runs + 1):
        _, p = timed([KATA, "--katas", katas, "submit", "big.rs", "--json", "--rerun"], cwd=d, env=env)
        must(p, "input bench")
        tests = {t["name"]: t["time_ms"] for t in json.loads(p.stdout)["tests"]}
        big.append(tests["big"])
        small.append(tests["small"])
    return [b - s for b, s in zip(big[1:], small[1:])], big[1:]


def bench_list(work, runs, env):
    """5: `kata list` over 1,000 kata files."""
    katas = os.path.join(work, "list", "katas")
    os.makedirs(katas)
    tests = "".join(f'[[tests]]\nname = "t{i}"\nargs = [[{i}, 2, 3]]\nexpected = {i + 5}\n' for i in range(10))
    for i in range(1000):
        write(os.path.join(katas, f"k{i:04}.toml"), function_kata(f"Kata {i}", tests))
    times = []
    for _ in range(runs):
        t, p = timed([KATA, "--katas", katas, "list"], cwd=os.path.join(work, "list"), env=env)
        must(p, "list")
        times.append(t)
    return times


GRADED = ["two-sum", "valid-palindrome", "group-anagrams"]


def spread(xs, unit=" s", digits=2):
    f = lambda x: f"{x:.{digits}f}"
    return f"median {f(statistics.median(xs))}{unit} (min {f(min(xs))}, max {f(max(xs))})"


def spread_ms(xs, digits=1):
    return spread([x * 1000 for x in xs], " ms", digits)


def bench_grade(work, runs, env, students=4):
    """6: `kata grade` of students x katas never-seen files against one `kata submit` each."""
    d = os.path.join(work, "grade")
    os.makedirs(d)
    sources = {k: open(os.path.join(ROOT, "solutions", f"{k}.rs")).read() for k in GRADED}

    def make_class(name, nonce):
        root = os.path.join(d, name)
        for s in range(students):
            os.makedirs(os.path.join(root, f"student{s}"))
            for k in GRADED:
                write(os.path.join(root, f"student{s}", f"{k}.rs"), f"// {nonce} {s}\n" + sources[k])
        return root

    # Warm-up: the harness runtime and each kata's generated tests, built once per toolchain.
    must(timed([KATA, "grade", make_class("warm", "warm"), "--out", os.path.join(d, "warm-out")], cwd=d, env=env)[1], "warm-up grade")
    graded, one_by_one, cpu_graded, cpu_one_by_one = [], [], [], []
    for i in range(runs):
        nonce = f"run {i} {time.time_ns()}"
        root = make_class(f"g{i}", "grade " + nonce)
        cpu = children_cpu()
        t, p = timed([KATA, "grade", root, "--out", os.path.join(d, f"g{i}-out")], cwd=d, env=env)
        must(p, "kata grade")
        graded.append(t)
        cpu_graded.append(children_cpu() - cpu)
        root = make_class(f"s{i}", "submit " + nonce)
        total = 0.0
        cpu = children_cpu()
        for s in range(students):
            for k in GRADED:
                t, p = timed([KATA, "submit", os.path.join(root, f"student{s}", f"{k}.rs"), "--json"], cwd=d, env=env)
                if p.returncode != 0:
                    must(p, "kata submit")
                total += t
        one_by_one.append(total)
        cpu_one_by_one.append(children_cpu() - cpu)
    return graded, one_by_one, students * len(GRADED), cpu_graded, cpu_one_by_one


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--only", choices=["submit", "grade"], help="run this measure alone")
    args = ap.parse_args()
    if not os.path.exists(KATA):
        sys.exit("build first: cargo build --release")
    with tempfile.TemporaryDirectory(prefix="kata-bench-") as work:
        env = dict(os.environ, KATA_CACHE_DIR=os.path.join(work, "cache"), NO_COLOR="1")
        env.pop("KATA_DIR", None)
        env.pop("KATA_WORKSPACE", None)
        rows = []
        if args.only in (None, "submit"):
            for kata, target in [("max-sum-subarray", "<= 1.00x"), ("two-sum", "<= 0.95x")]:
                submit, rustc, resubmit = bench_submit(work, args.runs, env, kata)
                rows.append((
                    f"1. submit of a never-seen {kata} / bare rustc -O",
                    f"{statistics.median(ratios(submit, rustc)):.2f}x",
                    f"ratio {spread(ratios(submit, rustc), 'x', 1)}; submit {spread_ms(submit)}; rustc {spread_ms(rustc)}",
                    target,
                ))
            rows.append(("2. re-submit, identical file (max-sum-subarray)", ms(statistics.median(resubmit)), spread_ms(resubmit), "<= 10 ms"))
        if not args.only:
            per_test, many, one = bench_per_test(work, args.runs, env)
            rows.append(("3. per-test overhead (200 tests vs 1)", ms(statistics.median(per_test)), f"{spread_ms(per_test, 2)}; 200 tests {spread_ms(many)}; 1 test {spread_ms(one)}", "<= 0.5 ms"))
            over_input, big = bench_input(work, args.runs, env)
            rows.append(("4. 10^6-element Vec<i64> argument, over a 1-element one (CPU)", f"{statistics.median(over_input):.1f} ms", f"{spread(over_input, ' ms', 1)}; {statistics.median(big):.1f} ms CPU in all", "<= 10 ms"))
            listing = bench_list(work, args.runs, env)
            rows.append(("5. list, 1000 katas", ms(statistics.median(listing)), spread_ms(listing), "<= 100 ms"))
        if args.only in (None, "grade"):
            graded, one_by_one, n, cpu_graded, cpu_one_by_one = bench_grade(work, args.runs, env)
            cores = os.cpu_count()
            speedup = statistics.median(one_by_one) / statistics.median(graded)
            rows.append((
                f"6. grade, {n} never-seen files / {n} submits one after another",
                f"{speedup:.2f}x faster",
                f"grade {spread(graded)}; submits {spread(one_by_one)}; CPU used: grade {spread(cpu_graded)}, submits {spread(cpu_one_by_one)}",
                f"~{cores}x ({cores} cores), CPU no more than the submits'",
            ))
    print(f"kata benchmark, medians of {args.runs} runs (A and B alternate), min and max in brackets\n")
    print(f"| measure | result | detail | target |\n|---|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} |")


if __name__ == "__main__":
    main()
