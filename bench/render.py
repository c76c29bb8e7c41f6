"""Writes the figures of bench/figures.tsv into bench/README.md between its markers (called by bench/run)."""
import os
import sys

BEGIN, END = "<!-- figures:begin (bench/run writes this table) -->", "<!-- figures:end -->"
COLUMNS = ["step", "day", "commit", "benchmark", "figure", "value", "unit", "baseline", "baseline_value", "aim"]
ORDER = ["gateway", "import", "freshness", "reports", "consumer", "replay", "search"]


def number(value):
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.1f}"


def ratio(value, baseline):
    if baseline == 0:
        return "–"
    r = value / baseline
    return f"{r:.2f}" if r < 10 else f"{r:,.0f}×"


def table(rows):
    lines = ["| benchmark | figure | measured | baseline, same run | ratio | aim | measured on |",
             "|---|---|---|---|---|---|---|"]
    rows.sort(key=lambda r: ORDER.index(r["benchmark"]) if r["benchmark"] in ORDER else len(ORDER))
    for r in rows:
        value, base = float(r["value"]), float(r["baseline_value"])
        lines.append(f"| {r['benchmark']} | {r['figure']} | {number(value)} {r['unit']} | {r['baseline']}: {number(base)} {r['unit']} "
                     f"| {ratio(value, base)} | {r['aim'] or '–'} | {r['day']}, {r['commit']} |")
    return "\n".join(lines)


def main(figures, readme):
    with open(figures, encoding="utf-8") as f:
        rows = [dict(zip(COLUMNS, line.rstrip("\n").split("\t"))) for line in f if line.strip()]
    machine = f"{os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB"
    block = f"{BEGIN}\nMachine: {machine}. Ratio = measured ÷ baseline.\n\n{table(rows)}\n{END}"
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    if BEGIN not in text or END not in text:
        sys.exit(f"{readme} has no figures markers")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    with open(readme, "w", encoding="utf-8") as f:
        f.write(text[:start] + block + text[end:])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
