// communique: the page that explores a store — filters, timeline, network, table, evidence.
// Text from the store is only ever set as textContent, never parsed as HTML.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const FILTERS = ["actor", "a", "b", "root", "plover", "since", "until", "lang", "place", "q"];
const PAGE = 50, TIMELINE_EVENTS = 500;
const state = { sort: "-date", offset: 0, roots: {}, loads: 0 };

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = String(text);
  return node;
}

// colour of a CAMEO root: greens and blues for cooperation (01-09), oranges and reds for conflict
function rootColour(root) {
  const n = parseInt(root, 10);
  if (n <= 9) return `hsl(${200 - n * 14}, 55%, ${50 - (n % 2) * 8}%)`;
  return `hsl(${42 - (n - 10) * 4}, 78%, ${52 - (n - 10) * 2.2}%)`;
}

function party(side) {
  if (!side) return "—";
  const who = side.org || side.country || side.sector || "?";
  return side.name ? `${side.name} (${who})` : who;
}

function currentFilters() {
  const form = new FormData($("#filters"));
  const out = new URLSearchParams();
  for (const name of FILTERS) {
    const value = (form.get(name) || "").trim();
    if (value) out.set(name, value);
  }
  return out;
}

async function api(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || `${response.status} ${response.statusText}`);
  return body;
}

function showError(error) {
  const box = $("#error");
  box.hidden = !error;
  box.textContent = error ? String(error.message || error) : "";
}

// ---- timeline: dates on the x axis, one lane per CAMEO root, marker size by number of sources

function drawTimeline(events, total, exact) {
  const box = $("#timeline");
  box.replaceChildren();
  const dated = events.filter((e) => e.date);
  $("#timeline-note").textContent = dated.length
    ? `${dated.length} dated events` + (total > events.length || !exact ? ` (the latest ${events.length} of ${exact ? total : "over " + total})` : "")
    : "No dated events match.";
  if (!dated.length) { $("#legend").replaceChildren(); return; }
  const roots = [...new Set(dated.map((e) => e.root))].sort();
  const times = dated.map((e) => Date.parse(e.date));
  let lo = Math.min(...times), hi = Math.max(...times);
  if (hi - lo < 86400000 * 2) { lo -= 86400000 * 2; hi += 86400000 * 2; }
  const width = Math.max(320, Math.min(box.clientWidth || 720, 1200)), left = 40, right = 16, lane = 26, top = 10;
  const height = top + roots.length * lane + 28;
  const x = (t) => left + ((t - lo) / (hi - lo)) * (width - left - right);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Timeline of events" });
  roots.forEach((root, i) => {
    const y = top + i * lane + lane / 2;
    const g = svg("g", { class: "lane" });
    g.append(svg("line", { x1: left, x2: width - right, y1: y, y2: y }), svg("text", { x: 2, y: y + 3 }, root));
    chart.append(g);
  });
  const axis = svg("g", { class: "axis" });
  const base = top + roots.length * lane + 4;
  for (let k = 0; k <= 4; k++) {
    const t = lo + ((hi - lo) * k) / 4;
    const tx = x(t);
    axis.append(svg("line", { x1: tx, x2: tx, y1: base, y2: base + 4 }),
      svg("text", { x: tx, y: base + 16, "text-anchor": k === 0 ? "start" : k === 4 ? "end" : "middle" },
        new Date(t).toISOString().slice(0, 10)));
  }
  chart.append(axis);
  for (const event of dated.slice().sort((p, q) => q.num_sources - p.num_sources)) {
    const y = top + roots.indexOf(event.root) * lane + lane / 2;
    const r = Math.min(4 + 3 * Math.sqrt(event.num_sources || 1), 12);
    const label = `${event.date} ${event.code} ${event.name}: ${party(event.source)} → ${party(event.target)}, ${event.num_sources} source(s)`;
    const dot = svg("circle", {
      class: "marker", cx: x(Date.parse(event.date)).toFixed(1), cy: y, r: r.toFixed(1), fill: rootColour(event.root),
      tabindex: 0, role: "button", "aria-label": label, "data-event-id": event.event_id, "data-date": event.date,
      "data-code": event.code,
    });
    dot.append(svg("title", {}, label));
    dot.addEventListener("click", () => openEvent(event.event_id));
    dot.addEventListener("keydown", (ev) => { if (ev.key === "Enter") openEvent(event.event_id); });
    chart.append(dot);
  }
  box.append(chart);
  $("#legend").replaceChildren(...roots.map((root) => {
    const item = el("li");
    const swatch = el("span");
    swatch.style.background = rootColour(root);
    item.append(swatch, `${root} ${state.roots[root] || ""}`);
    return item;
  }));
}

// ---- network: a small force layout, edges weighted by contacts, coloured by cooperation or conflict

function layout(nodes, edges, width, height) {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const pos = nodes.map((_, i) => {
    const angle = (2 * Math.PI * i) / nodes.length;
    return { x: width / 2 + (width / 3) * Math.cos(angle), y: height / 2 + (height / 3) * Math.sin(angle) };
  });
  const k = Math.sqrt((width * height) / Math.max(nodes.length, 1)) * 0.6;
  for (let step = 0; step < 250; step++) {
    const heat = 1 - step / 250, move = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < pos.length; i++) {
      for (let j = i + 1; j < pos.length; j++) {
        const dx = pos[i].x - pos[j].x || 0.01, dy = pos[i].y - pos[j].y || 0.01;
        const d2 = dx * dx + dy * dy, f = (k * k) / d2;
        move[i].x += dx * f; move[i].y += dy * f; move[j].x -= dx * f; move[j].y -= dy * f;
      }
    }
    for (const e of edges) {
      const i = index.get(e.a), j = index.get(e.b);
      const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y, d = Math.hypot(dx, dy) || 0.01;
      const f = d / k;
      move[i].x -= dx * f; move[i].y -= dy * f; move[j].x += dx * f; move[j].y += dy * f;
    }
    pos.forEach((p, i) => {
      const m = move[i], len = Math.hypot(m.x, m.y) || 1, limit = 12 * heat + 0.5;
      p.x = Math.min(width - 24, Math.max(24, p.x + (m.x / len) * Math.min(len, limit)));
      p.y = Math.min(height - 16, Math.max(16, p.y + (m.y / len) * Math.min(len, limit)));
    });
  }
  return pos;
}

function drawNetwork(net) {
  const box = $("#network");
  box.replaceChildren();
  $("#network-note").textContent = net.nodes.length
    ? `${net.nodes.length} parties, ${net.edges.length} pairs from ${net.events} events` + (net.truncated ? " (the latest)" : "")
    : "No contacts between two parties match.";
  if (!net.nodes.length) return;
  const nodes = net.nodes.slice(0, 60), keep = new Set(nodes.map((n) => n.id));
  const edges = net.edges.filter((e) => keep.has(e.a) && keep.has(e.b));
  const width = Math.max(320, Math.min(box.clientWidth || 480, 900)), height = Math.round(width * 0.75);
  const pos = layout(nodes, edges, width, height);
  const at = new Map(nodes.map((n, i) => [n.id, pos[i]]));
  const most = Math.max(...edges.map((e) => e.events), 1);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Network of contacts" });
  for (const e of edges) {
    const p = at.get(e.a), q = at.get(e.b);
    const line = svg("line", {
      class: "edge", x1: p.x, y1: p.y, x2: q.x, y2: q.y, "stroke-width": (1 + 7 * Math.sqrt(e.events / most)).toFixed(1),
      stroke: e.conflict > e.cooperation ? "#c0392b" : "#2e8b57", "data-a": e.a, "data-b": e.b,
    });
    line.append(svg("title", {}, `${e.a}–${e.b}: ${e.events} events (${e.cooperation} cooperative, ${e.conflict} hostile)`));
    line.addEventListener("click", () => setFilters({ a: e.a, b: e.b, actor: "" }));
    chart.append(line);
  }
  nodes.forEach((n, i) => {
    const g = svg("g", { class: "node", transform: `translate(${pos[i].x.toFixed(1)},${pos[i].y.toFixed(1)})`, "data-party": n.id });
    const r = 14 + Math.min(8, Math.sqrt(n.events));
    g.append(svg("circle", { r: r.toFixed(1) }), svg("text", {}, n.id), svg("title", {}, `${n.id}: ${n.events} events`));
    g.addEventListener("click", () => setFilters({ actor: n.id, a: "", b: "" }));
    chart.append(g);
  });
  box.append(chart);
}

// ---- table: server-side sorting and paging

function drawTable(found) {
  const body = $("#events tbody");
  body.replaceChildren(...found.events.map((e) => {
    const row = el("tr", { tabindex: 0, "data-event-id": e.event_id });
    const place = e.location ? e.location.name : "";
    row.append(el("td", {}, e.date || "undated"), el("td", {}, `${e.code} ${e.name}`), el("td", {}, party(e.source)),
      el("td", {}, party(e.target)), el("td", {}, place), el("td", {}, (e.langs || [e.lang]).join(" ")),
      el("td", {}, e.num_sources));
    row.addEventListener("click", () => openEvent(e.event_id));
    row.addEventListener("keydown", (ev) => { if (ev.key === "Enter") openEvent(e.event_id); });
    return row;
  }));
  const last = state.offset + found.events.length;
  $("#page-info").textContent = found.events.length
    ? `${state.offset + 1}–${last} of ${found.total_exact ? found.total : found.total + "+"}` : "no events";
  $("#prev").disabled = state.offset === 0;
  $("#next").disabled = last >= found.total && found.total_exact;
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    const key = th.dataset.sort;
    th.setAttribute("aria-sort", state.sort === key ? "ascending" : state.sort === "-" + key ? "descending" : "none");
  }
}

// ---- event view: every sentence that reports the event, trigger and actors highlighted

function highlighted(sentence, spans) {
  const p = el("p", { class: "sentence", lang: "" });
  let at = 0;
  for (const [kind, start, end] of spans) {
    if (start < at) continue;
    p.append(sentence.slice(at, start), el("mark", { class: kind, title: kind }, sentence.slice(start, end)));
    at = end;
  }
  p.append(sentence.slice(at));
  return p;
}

function safeLink(url) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") {
      return el("a", { href: parsed.href, rel: "noopener noreferrer nofollow", target: "_blank" }, url);
    }
  } catch (_) { /* not a URL */ }
  return el("span", {}, url);
}

async function openEvent(id) {
  try {
    const event = await api(`/api/events/${encodeURIComponent(id)}`);
    $("#event-title").textContent = `${event.date || "undated"} · ${event.code} ${event.name}`;
    const facts = [["Source", party(event.source)], ["Target", party(event.target)],
      ["Date", `${event.date || "—"} (${event.date_basis || "?"}${event.date_text ? `: “${event.date_text}”` : ""})`],
      ["Place", event.location ? event.location.name : "—"], ["PLOVER", event.plover ? event.plover.event : "—"],
      ["Reports", `${event.num_mentions} mentions, ${event.num_sources} sources, ${event.num_articles} articles`]];
    $("#event-facts").replaceChildren(...facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
    $("#evidence").replaceChildren(...event.evidence.map((m) => {
      const item = el("li", { class: "evidence" });
      const meta = el("p", { class: "meta" });
      meta.append(`rule ${m.rule} · trigger “${m.trigger}” · date “${m.date_text || "publication"}” · document `,
        el("a", { href: `/api/documents/${encodeURIComponent(m.doc_id)}` }, m.doc_id), m.pub_date ? ` (${m.pub_date})` : "");
      if (m.url) meta.append(" · ", safeLink(m.url));
      item.append(highlighted(m.sentence, m.highlights), meta);
      return item;
    }));
    $("#event-view").hidden = false;
    $("#close-event").focus();
  } catch (error) { showError(error); }
}

// ---- loading and filters

function setFilters(values) {
  const form = $("#filters");
  for (const [k, v] of Object.entries(values)) form.elements[k].value = v;
  state.offset = 0;
  load();
}

async function load() {
  const filters = currentFilters();
  history.replaceState(null, "", filters.toString() ? `?${filters}` : location.pathname);
  showError(null);
  const table = new URLSearchParams(filters);
  table.set("sort", state.sort); table.set("limit", PAGE); table.set("offset", state.offset);
  const line = new URLSearchParams(filters);
  line.set("sort", "-date"); line.set("limit", TIMELINE_EVENTS);
  const mine = ++state.loads;      // a slower answer to an earlier request must not overwrite this one
  try {
    const [found, recent, net] = await Promise.all([api("/api/events", table), api("/api/events", line), api("/api/network", filters)]);
    if (mine !== state.loads) return;
    drawTable(found);
    drawTimeline(recent.events, recent.total, recent.total_exact);
    drawNetwork(net);
    $("#summary").textContent = `${found.total_exact ? found.total : found.total + "+"} events match`;
  } catch (error) { if (mine === state.loads) showError(error); }
}

async function start() {
  const about = await api("/api/about");
  state.roots = about.roots;
  const form = $("#filters");
  for (const [code, name] of Object.entries(about.roots)) form.elements.root.append(el("option", { value: code }, `${code} ${name}`));
  for (const name of about.plover) form.elements.plover.append(el("option", { value: name }, name));
  for (const iso of about.languages) form.elements.lang.append(el("option", { value: iso }, iso));
  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) if (params.get(name)) form.elements[name].value = params.get(name);
  api("/api/actors", new URLSearchParams({ limit: 300 })).then((found) => {
    $("#parties").replaceChildren(...found.actors.map((a) => el("option", { value: a.party }, `${a.events} events`)));
  }).catch(() => {});
  form.addEventListener("submit", (ev) => { ev.preventDefault(); state.offset = 0; load(); });
  form.addEventListener("reset", () => setTimeout(() => { state.offset = 0; load(); }, 0));
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); load(); });
  $("#next").addEventListener("click", () => { state.offset += PAGE; load(); });
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    th.querySelector("button").addEventListener("click", () => {
      const key = th.dataset.sort;
      state.sort = state.sort === key ? "-" + key : key;
      state.offset = 0;
      load();
    });
  }
  $("#close-event").addEventListener("click", () => { $("#event-view").hidden = true; });
  $("#event-view").addEventListener("click", (ev) => { if (ev.target.id === "event-view") $("#event-view").hidden = true; });
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") $("#event-view").hidden = true; });
  await load();
}

document.addEventListener("DOMContentLoaded", () => start().catch(showError));
