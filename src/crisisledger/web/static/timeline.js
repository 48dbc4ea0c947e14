// The timeline: incidents per day stacked by type (top), killed per day (bottom), with a brush.
import { colourOf, svg, isoDay, parseDay, DAY_MS, fmtInt } from "./common.js";

const W = 1000, TOP = 110, BOTTOM = 70, PAD = 36, AXIS = 18;

/**
 * Draw `days` ([date, type, incidents, killed] rows) between `start` and `end` (Date) into `host`.
 * `onBrush(since, until)` gets ISO days (or nulls when the brush is cleared by a click).
 * `selected` is the [since, until] shown as the brush.
 */
export function drawTimeline(host, days, start, end, selected, onBrush) {
  const n = Math.max(1, Math.round((end - start) / DAY_MS) + 1);
  const perDay = new Map();
  for (const [d, type, count, killed] of days) {
    const entry = perDay.get(d) || { types: new Map(), count: 0, killed: 0 };
    entry.types.set(type, (entry.types.get(type) || 0) + count);
    entry.count += count;
    entry.killed += killed;
    perDay.set(d, entry);
  }
  let maxCount = 1, maxKilled = 1;
  for (const e of perDay.values()) { maxCount = Math.max(maxCount, e.count); maxKilled = Math.max(maxKilled, e.killed); }
  const H = TOP + BOTTOM + AXIS + 14;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none", height: H, role: "img",
    "aria-label": "incidents and killed per day; drag to select dates" });
  const bw = (W - PAD) / n;
  const x = (d) => PAD + ((d - start) / DAY_MS) * bw;
  root.append(svg("text", { x: 2, y: 12, "font-size": 10, fill: "#555" }, `incidents/day (max ${fmtInt(maxCount)})`));
  root.append(svg("text", { x: 2, y: TOP + 12, "font-size": 10, fill: "#555" }, `killed/day (max ${fmtInt(maxKilled)})`));
  for (const [d, e] of perDay) {
    const x0 = x(parseDay(d)), w = Math.max(1, bw * 0.9);
    let y = TOP;
    for (const [type, c] of [...e.types].sort()) {
      const h = (c / maxCount) * (TOP - 16);
      y -= h;
      root.append(svg("rect", { x: x0, y, width: w, height: h, fill: colourOf(type) },
        svg("title", {}, `${d}: ${c} ${type}`)));
    }
    if (e.killed > 0) {
      const h = (e.killed / maxKilled) * (BOTTOM - 16);
      root.append(svg("rect", { x: x0, y: TOP + BOTTOM - h, width: w, height: h, fill: "#444" },
        svg("title", {}, `${d}: ${e.killed} killed`)));
    }
  }
  root.append(svg("line", { x1: PAD, x2: W, y1: TOP, y2: TOP, stroke: "#bbb" }));
  root.append(svg("line", { x1: PAD, x2: W, y1: TOP + BOTTOM, y2: TOP + BOTTOM, stroke: "#bbb" }));
  const ticks = Math.min(8, n);
  for (let i = 0; i < ticks; i++) {
    const d = new Date(start.getTime() + Math.round((i * (n - 1)) / Math.max(1, ticks - 1)) * DAY_MS);
    root.append(svg("text", { x: x(d), y: TOP + BOTTOM + AXIS, "font-size": 10, fill: "#333",
      "text-anchor": i === ticks - 1 && ticks > 1 ? "end" : "start" }, isoDay(d)));
  }
  const brush = svg("rect", { class: "brush", y: 0, height: TOP + BOTTOM, fill: "rgba(30,120,200,.18)",
    stroke: "#1e78c8", visibility: "hidden" });
  root.append(brush);
  const show = (a, b) => {
    const [l, r] = a < b ? [a, b] : [b, a];
    brush.setAttribute("x", l);
    brush.setAttribute("width", Math.max(1, r - l));
    brush.setAttribute("visibility", "visible");
  };
  if (selected && (selected[0] || selected[1])) {
    const a = selected[0] ? x(parseDay(selected[0])) : PAD;
    const b = selected[1] ? x(parseDay(selected[1])) + bw : W;
    show(Math.max(PAD, a), Math.min(W, b));
  }
  const toUnits = (ev) => {
    const box = root.getBoundingClientRect();
    return Math.min(W, Math.max(PAD, ((ev.clientX - box.left) / box.width) * W));
  };
  const dayAt = (u) => new Date(start.getTime() + Math.min(n - 1, Math.max(0, Math.floor((u - PAD) / bw))) * DAY_MS);
  let from = null;
  root.addEventListener("pointerdown", (ev) => { from = toUnits(ev); root.setPointerCapture(ev.pointerId); show(from, from); });
  root.addEventListener("pointermove", (ev) => { if (from !== null) show(from, toUnits(ev)); });
  root.addEventListener("pointerup", (ev) => {
    if (from === null) return;
    const to = toUnits(ev);
    const [l, r] = from < to ? [from, to] : [to, from];
    from = null;
    if (r - l < 3) { brush.setAttribute("visibility", "hidden"); onBrush(null, null); return; }
    onBrush(isoDay(dayAt(l)), isoDay(dayAt(r)));
  });
  host.replaceChildren(root);
}
