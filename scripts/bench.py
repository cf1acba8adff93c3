#!/usr/bin/env python3
"""Speed benchmark of `kata`, each figure against a baseline measured in the same run.

Runs A and B alternately and quotes medians of several runs (the machine is noisy):
  1. `kata submit` of a correct, never-seen solution (a comment changes every run)
     against bare `rustc --edition 2021 -O` of the same function with a trivial `main`;
  2. re-submitting the identical file (cached build);
  3. per-test overhead: a kata with 200 tiny tests against one with 1;
  4. harness input speed: a test whose argument is a 10^6-element Vec<i64>, against a
     1-element one (the solution's own work is a sum);
  5. `kata list` with 1,000 generated katas in `--katas`;
  6. `kata grade` of a class of never-seen files (students x katas) on every core, against
     `kata submit --json` of the same files one after another (their number over the
     cores is the ideal speed-up).

Usage: cargo build --release && python3 scripts/bench.py [--runs N] [--only grade]
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


def bench_submit(work, runs, env):
    """1 and 2: a never-seen correct solution against bare rustc -O, then a re-submit."""
    src = open(os.path.join(ROOT, "solutions", "two-sum.rs")).read()
    sol = os.path.join(work, "two-sum.rs")
    bare = os.path.join(work, "bare.rs")
    kata_times, rustc_times = [], []
    # Warm up: the harness runtime and the kata's generated tests are built once per
    # toolchain and kata, not per submission.
    write(sol, src)
    _, p = timed([KATA, "submit", sol], cwd=work, env=env)
    must(p, "warm-up submit")
    for i in range(runs):
        nonce = f"// run {i} {time.time_ns()}\n"
        write(sol, nonce + src)
        write(bare, nonce + src + '\nfn main() { println!("{:?}", two_sum(&[2, 7, 11, 15], 9)); }\n')
        t, p = timed(["rustc", "--edition", "2021", "-O", bare, "-o", os.path.join(work, "bare")], cwd=work)
        must(p, "rustc")
        rustc_times.append(t)
        t, p = timed([KATA, "submit", sol], cwd=work, env=env)
        must(p, "kata submit")
        kata_times.append(t)
    resubmit = []
    for _ in range(runs):
        t, p = timed([KATA, "submit", sol], cwd=work, env=env)
        must(p, "kata re-submit")
        resubmit.append(t)
    return statistics.median(kata_times), statistics.median(rustc_times), statistics.median(resubmit)


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
    return (statistics.median(many) - statistics.median(one)) / 199, statistics.median(many), statistics.median(one)


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
    return statistics.median(big[1:]) - statistics.median(small[1:]), statistics.median(big[1:])


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
    return statistics.median(times)


GRADED = ["two-sum", "valid-palindrome", "group-anagrams"]


def spread(xs):
    return f"median {statistics.median(xs):.2f} s (min {min(xs):.2f}, max {max(xs):.2f})"


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
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--only", choices=["grade"], help="run this measure alone")
    args = ap.parse_args()
    if not os.path.exists(KATA):
        sys.exit("build first: cargo build --release")
    with tempfile.TemporaryDirectory(prefix="kata-bench-") as work:
        env = dict(os.environ, KATA_CACHE_DIR=os.path.join(work, "cache"), NO_COLOR="1")
        env.pop("KATA_DIR", None)
        env.pop("KATA_WORKSPACE", None)
        rows = []
        if not args.only:
            submit, rustc, resubmit = bench_submit(work, args.runs, env)
            per_test, many, one = bench_per_test(work, args.runs, env)
            over_input, big = bench_input(work, args.runs, env)
            listing = bench_list(work, args.runs, env)
            rows = [
                ("1. submit, never-seen solution / bare rustc -O", f"{submit / rustc:.2f}x", f"{ms(submit)} / {ms(rustc)}", "<= 1.15x"),
                ("2. re-submit, identical file", ms(resubmit), "", "<= 50 ms"),
                ("3. per-test overhead (200 tests vs 1)", ms(per_test), f"{ms(many)} vs {ms(one)}", "<= 2 ms"),
                ("4. 10^6-element Vec<i64> argument, over a 1-element one", f"{over_input:.1f} ms", f"{big:.1f} ms CPU in all", "<= 50 ms"),
                ("5. list, 1000 katas", ms(listing), "", "<= 100 ms"),
            ]
        graded, one_by_one, n, cpu_graded, cpu_one_by_one = bench_grade(work, args.runs, env)
        cores = os.cpu_count()
        speedup = statistics.median(one_by_one) / statistics.median(graded)
        rows.append((
            f"6. grade, {n} never-seen files / {n} submits one after another",
            f"{speedup:.2f}x faster",
            f"grade {spread(graded)}; submits {spread(one_by_one)}; CPU used: grade {spread(cpu_graded)}, submits {spread(cpu_one_by_one)}",
            f"~{cores}x ({cores} cores), CPU no more than the submits'",
        ))
    print(f"kata benchmark, medians of {args.runs} runs (A and B alternate)\n")
    print(f"| measure | result | detail | target |\n|---|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} |")


if __name__ == "__main__":
    main()
