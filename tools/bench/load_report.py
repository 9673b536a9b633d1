"""Writes the load benchmark's results: bench/results/load.json (every run)
and load.md (a table per engine: p50/p95/p99 in ms and requests/s, the
school pages checked against the goal p95 <= 100 ms at 16 connections)."""
import json, os, sys, datetime

runs_file, out_dir, commit, seconds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
preset = sys.argv[5] if len(sys.argv) > 5 else "school"
SCALES = {
    "school": "generated `school` preset: 60 classes, ~2,500 students, ~100,000 ledger entries",
    "district": "generated `district` preset: 7 schools, 3 years, ~570,000 ledger entries",
    "province": "generated `province` preset: 150 schools, 5 years, ~8 million ledger entries",
}
runs = [json.loads(l) for l in open(runs_file) if l.strip()]
mem_kb = next((int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
meta = {
    "commit": commit,
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    "cores": os.cpu_count(),
    "memory_gib": round(mem_kb / 1024 / 1024, 1),
    "seconds_per_run": int(seconds),
    "scale": SCALES.get(preset, preset),
}
os.makedirs(out_dir, exist_ok=True)
# The school preset's results are the reference (load.*); a larger preset's go beside them.
name = "load" if preset == "school" else f"load-{preset}"
# Goals (product.md, issue 12): a school's pages at school scale, every page at province scale on PostgreSQL.
goal_ms = 300 if preset == "province" else 100
with open(os.path.join(out_dir, f"{name}.json"), "w") as f:
    json.dump({"meta": meta, "runs": runs}, f, ensure_ascii=False, indent=1)

def ms(us):
    return f"{us / 1000:.1f}"

lines = [
    "# Load benchmark",
    "",
    f"Commit `{commit}`, {meta['date']}, {meta['cores']} cores, {meta['memory_gib']} GiB; {meta['scale']}; "
    f"wrk, {seconds} s per run, the server and wrk on the same machine. Goal: every page p95 <= {goal_ms} ms at 16 connections.",
    "",
]
for engine in sorted({r["engine"] for r in runs}, key=lambda e: e != "sqlite"):
    lines += [f"## {engine}", "", "| endpoint | connections | p50 ms | p95 ms | p99 ms | requests/s | errors | goal |", "|---|---:|---:|---:|---:|---:|---:|---|"]
    for r in [r for r in runs if r["engine"] == engine]:
        f = r["figures"]
        rps = f["requests"] / (f["duration_us"] / 1e6) if f["duration_us"] else 0
        goal = ""
        if r["connections"] == 16 and r["endpoint"] != "healthz":
            goal = "met" if f["p95_us"] <= goal_ms * 1000 else "**missed**"
        errors = f["socket_errors"] + f["non_2xx_3xx"]
        lines.append(f"| {r['endpoint']} | {r['connections']} | {ms(f['p50_us'])} | {ms(f['p95_us'])} | {ms(f['p99_us'])} | {rps:.0f} | {errors} | {goal} |")
    lines.append("")
with open(os.path.join(out_dir, f"{name}.md"), "w") as f:
    f.write("\n".join(lines))
print("\n".join(lines))
