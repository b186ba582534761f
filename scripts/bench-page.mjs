#!/usr/bin/env node
/* global window, document -- page.evaluate callbacks run in the page */
/**
 * bench:page — Haven's in-page cost on a 2,000-message chat page in headless Chromium, with vs without the
 * extension (issue 4). Prints details, then as its last line one JSON object:
 *   {"extraMainThreadMs","longestTaskMs","firstWarningMs","extraHeapMb"}
 * Budgets: ≤ 150 ms extra main-thread time, no Haven task > 50 ms, first warning ≤ 1 s after insertion,
 * ≤ 30 MB extra JS heap.
 *
 * Method (per run, fresh profile): load the page, let it settle (SETTLE_MS), append one harmful message at the
 * bottom of the chat (scrolled into view), wait, then read CDP Performance metrics after a forced GC.
 *  - extraMainThreadMs: median main-thread CPU time of the page renderer (sum of top-level tasks in a trace) with
 *    the extension minus without it, or the CPU time of the tasks that ran extension code if that is larger.
 *  - longestTaskMs: the longest top-level main-thread task that ran extension code, or any task after the load
 *    event if longer (the page is idle then; a dynamically imported chunk's evaluation carries no URL in traces).
 *    Thread CPU time: the machine is shared; wall time is printed too.
 *  - firstWarningMs: from appending the harmful message to its <haven-warning> host being in the DOM.
 *  - extraHeapMb: median JSHeapUsedSize with minus without (after GC).
 * Needs a build: `npx wxt build` (run here automatically when .output/chrome-mv3 is missing).
 * Env: BENCH_RUNS (default 2 per variant), BENCH_MESSAGES (default 2000), CHROMIUM_PATH.
 */
import http from 'node:http';
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXT = process.env.HAVEN_EXT_DIR ?? path.join(ROOT, '.output/chrome-mv3');
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000);
const SETTLE_MS = 6000;
const HARMFUL = 'shut up you fat loser, nobody likes you';

const BENIGN = [
  'hey, are we still on for football tomorrow?', 'yes! see you at the park at 4', 'can you send me the homework for maths?',
  'did you see the new episode last night', 'my cat just knocked over a plant again', 'what time does the bus leave on saturday',
  'I finished the book you lent me, it was really good', 'we need one more player for the team', 'happy birthday!! have a great day',
  'the science fair is next week, are you ready?', 'can we play minecraft later', 'I got a new bike for my birthday',
  'thanks for helping me with the project', 'our class trip to the museum was fun', 'is the pool open on sunday?',
  'we are going camping next weekend', 'who is bringing snacks tomorrow', 'the test was easier than I thought',
];

function chromiumPath() {
  for (const c of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) if (c && existsSync(c)) return c;
  return execSync('command -v chromium', { encoding: 'utf8' }).trim();
}

function escapeHtml(s) {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

function chatPage(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const author = ['Mia', 'Sam', 'Leo', 'Ava', 'Noah', 'Zoe'][i % 6];
    const text = `${BENIGN[i % BENIGN.length]} (${i})`;
    rows.push(`<div class="message" data-message-id="${i}"><span class="author">${author}</span> <span class="text">${escapeHtml(text)}</span></div>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench chat</title>
<style>body{font:15px sans-serif;margin:0}.chat-log{padding:8px}.message{margin:4px 0;padding:6px 10px;border-radius:12px;background:#eef;max-width:70%}.author{font-weight:bold;margin-right:6px}</style></head>
<body><h1>#general</h1><div class="chat-log" role="log" id="log">${rows.join('\n')}</div>
<script>
window.insertHarmful = (text) => new Promise((resolve) => {
  const log = document.getElementById('log');
  const div = document.createElement('div'); div.className = 'message'; div.id = 'harmful';
  const a = document.createElement('span'); a.className = 'author'; a.textContent = 'Kai';
  const t = document.createElement('span'); t.className = 'text'; t.textContent = ' ' + text;
  div.append(a, t);
  const t0 = performance.now();
  const done = (ms) => { mo.disconnect(); resolve(ms); };
  const mo = new MutationObserver(() => {
    const prev = div.previousElementSibling;
    if ((prev && prev.tagName === 'HAVEN-WARNING') || div.querySelector('haven-warning')) done(performance.now() - t0);
  });
  mo.observe(log, { childList: true, subtree: true });
  log.append(div);
  div.scrollIntoView({ block: 'end' });
  setTimeout(() => done(null), 5000);
});
</script></body></html>`;
}

async function startServer() {
  const html = chatPage(MESSAGES);
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/chat')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(html);
    }
    res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: server.address().port };
}

const EXT_URL = /^chrome-extension:\/\//;

/**
 * From a Chrome trace of one run: the page renderer's main thread (the renderer that parsed the bench page), its
 * top-level tasks, and which of them ran extension code. Durations are thread (CPU) time when the trace has it
 * (`tdur`): this machine is shared, and wall time would measure the neighbours' load as much as Haven.
 */
function analyse(events) {
  const names = new Map();
  for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name);
  const pagePids = new Set();
  for (const e of events) {
    if (names.get(`${e.pid}:${e.tid}`) !== 'CrRendererMain') continue;
    if (e.name === 'ParseHTML' && JSON.stringify(e.args ?? {}).includes('/chat')) pagePids.add(e.pid);
  }
  const onMain = events.filter((e) => pagePids.has(e.pid) && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.ph === 'X');
  if (process.env.BENCH_DEBUG_EVENTS) {
    const hits = events.filter((e) => pagePids.has(e.pid) && JSON.stringify(e.args ?? {}).includes(process.env.BENCH_DEBUG_EVENTS));
    console.log('  events naming', process.env.BENCH_DEBUG_EVENTS, JSON.stringify(hits.slice(0, 12).map((e) => [e.name, e.ph, e.dur, names.get(`${e.pid}:${e.tid}`), JSON.stringify(e.args).slice(0, 160)])));
  }
  const all = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
  const tasks = [];
  for (const t of all) {
    const last = tasks[tasks.length - 1];
    if (last && t.ts >= last.ts && t.ts + t.dur <= last.ts + last.dur) continue; // nested
    tasks.push(t);
  }
  const cpu = (t) => (t.tdur ?? t.dur) / 1000;
  const marks = onMain.filter((e) => {
    const d = e.args?.data ?? {};
    return [d.url, d.scriptName, d.fileName, e.args?.fileName, d.stackTrace?.[0]?.url].some((u) => typeof u === 'string' && EXT_URL.test(u));
  });
  const haven = new Set();
  let i = 0;
  for (const m of marks.sort((a, b) => a.ts - b.ts)) {
    while (i < tasks.length && tasks[i].ts + tasks[i].dur < m.ts) i++;
    if (i < tasks.length && tasks[i].ts <= m.ts) haven.add(tasks[i]);
  }
  const havenList = [...haven];
  // Module evaluation of a dynamically imported extension chunk carries no URL in the trace; as an upper bound,
  // also take the longest task after the load event (the bench page itself is idle then).
  const load = events.find((e) => e.name === 'MarkLoad' && pagePids.has(e.pid));
  const afterLoad = load ? tasks.filter((t) => t.ts >= load.ts) : [];
  if (process.env.BENCH_DEBUG) {
    for (const t of [...havenList].sort((a, b) => cpu(b) - cpu(a)).slice(0, 10)) {
      const inner = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && (e.dur ?? 0) > 1000);
      const desc = inner.sort((a, b) => b.dur - a.dur).slice(0, 5).map((e) => `${e.name}${e.args?.data?.url ? '@' + String(e.args.data.url).split('/').pop() : ''}:${(e.dur / 1000).toFixed(1)}`);
      console.log(`  haven task ${cpu(t).toFixed(1)} ms cpu / ${(t.dur / 1000).toFixed(1)} ms wall: ${desc.join(', ')}`);
    }
  }
  if (process.env.BENCH_DEBUG) {
    const agg = new Map();
    for (const e of onMain) if (e.dur && !/RunTask|v8\.callFunction|PerformMicrotaskCheckpoint/.test(e.name)) agg.set(e.name, (agg.get(e.name) ?? 0) + (e.tdur ?? e.dur) / 1000);
    console.log('  by event (cpu ms, overlapping):', [...agg].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${k}=${v.toFixed(0)}`).join(' '));
  }
  return {
    mainCpuMs: tasks.reduce((s, t) => s + cpu(t), 0),
    havenCpuMs: havenList.reduce((s, t) => s + cpu(t), 0),
    longestCpuMs: havenList.length ? Math.max(...havenList.map(cpu)) : 0,
    longestWallMs: havenList.length ? Math.max(...havenList.map((t) => t.dur / 1000)) : 0,
    longestAfterLoadCpuMs: afterLoad.length ? Math.max(...afterLoad.map(cpu)) : 0,
    havenTasks: havenList.length,
  };
}

async function run(withExtension, port) {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'haven-bench-'));
  const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * 127.0.0.1'];
  if (withExtension) args.push(`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(), headless: true, args, viewport: { width: 1280, height: 800 },
  });
  try {
    if (withExtension) {
      if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker', { timeout: 15_000 });
      await new Promise((r) => setTimeout(r, 500));
    }
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'v8.execute', '__metadata'].join(','),
      transferMode: 'ReportEvents',
    });
    await page.goto(`http://chat.bench.test:${port}/chat`, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    const firstWarningMs = await page.evaluate((t) => window.insertHarmful(t), HARMFUL);
    await page.waitForTimeout(1500);
    await cdp.send('Tracing.end');
    await traced;
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const usage = await cdp.send('Runtime.getHeapUsage').catch(() => ({}));
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const trace = analyse(events);
    const flagged = withExtension ? await page.evaluate(() => document.querySelectorAll('[data-haven-flag]').length) : 0;
    return {
      taskMs: m.TaskDuration * 1000,
      scriptMs: m.ScriptDuration * 1000,
      heapMb: m.JSHeapUsedSize / 1048576,
      // typed-array backing stores (the model's weights) live outside the JS heap proper: count them too
      backingMb: (usage.backingStorageSize ?? 0) / 1048576,
      firstWarningMs,
      ...trace,
      flagged,
    };
  } finally {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (x) => Math.round(x * 10) / 10;

async function main() {
  if (!existsSync(path.join(EXT, 'manifest.json'))) {
    console.log('No build at .output/chrome-mv3: running `npx wxt build` …');
    execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
  }
  const { server, port } = await startServer();
  const without = [];
  const withExt = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      without.push(await run(false, port));
      withExt.push(await run(true, port));
      console.log(`run ${i + 1}: without ${JSON.stringify(without[i], (k, v) => (typeof v === 'number' ? r1(v) : v))}`);
      console.log(`run ${i + 1}: with    ${JSON.stringify(withExt[i], (k, v) => (typeof v === 'number' ? r1(v) : v))}`);
    }
  } finally {
    server.close();
  }
  const diffTask = median(withExt.map((r) => r.mainCpuMs)) - median(without.map((r) => r.mainCpuMs));
  const diffWall = median(withExt.map((r) => r.taskMs)) - median(without.map((r) => r.taskMs));
  const attributed = median(withExt.map((r) => r.havenCpuMs));
  const warnings = withExt.map((r) => r.firstWarningMs);
  const result = {
    extraMainThreadMs: r1(Math.max(diffTask, attributed)),
    longestTaskMs: r1(Math.max(...withExt.map((r) => Math.max(r.longestCpuMs, r.longestAfterLoadCpuMs)))),
    firstWarningMs: warnings.some((w) => w === null) ? null : r1(Math.max(...warnings)),
    extraHeapMb: r1(median(withExt.map((r) => r.heapMb + r.backingMb)) - median(without.map((r) => r.heapMb + r.backingMb))),
  };
  console.log(`messages ${MESSAGES}, runs ${RUNS} per variant; main-thread CPU diff ${r1(diffTask)} ms (wall-clock TaskDuration diff ${r1(diffWall)} ms), CPU of tasks running extension code ${r1(attributed)} ms; longest such task ${r1(Math.max(...withExt.map((r) => r.longestWallMs)))} ms wall`);
  console.log('budgets: extraMainThreadMs ≤ 150, longestTaskMs ≤ 50, firstWarningMs ≤ 1000, extraHeapMb ≤ 30');
  console.log(JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
