// First-load benchmark: headless Chromium emulating a cheap phone on a slow
// mobile network (400 kbit/s down and up, 400 ms round trip, CPU slowed 4×)
// loads the pages each role opens first, on a fresh cache and then again.
// Records first contentful paint, the moment the islands are live, the bytes
// transferred, and the bytes of the repeat visit. Writes JSON and Markdown
// under bench/results/. Run through tools/bench-first-load.
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

// playwright-core lives in the project's tools folder (.tools/node_modules).
const { chromium } = createRequire(`${process.env.TOOLS_DIR}/`)('playwright-core');

const [base, password, outDir, commit] = process.argv.slice(2);
const PROFILE = { latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8, cpu: 4 };

async function signIn(user) {
  const res = await fetch(`${base}/api/login`, {
    method: 'POST',
    headers: { origin: base, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: user, password }),
  });
  if (!res.ok) throw new Error(`${user} cannot sign in: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('nguon_session='));
  return cookie.split(';')[0].split('=')[1];
}

async function firstHref(user, path, prefix) {
  const token = await signIn(user);
  const html = await (await fetch(`${base}${path}`, { headers: { cookie: `nguon_session=${token}` } })).text();
  const m = html.match(new RegExp(`href="(${prefix}\\d+)"`));
  if (!m) throw new Error(`no ${prefix} link on ${path}`);
  return m[1];
}

async function measure(browser, user, path) {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 1 });
  const url = new URL(base);
  await context.addCookies([{ name: 'nguon_session', value: await signIn(user), domain: url.hostname, path: '/', httpOnly: true }]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PROFILE });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpu });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  const visit = async () => {
    bytes = 0;
    const started = Date.now();
    await page.goto(`${base}${path}`, { waitUntil: 'load', timeout: 120000 });
    await page.waitForFunction(() => document.documentElement.dataset.islands === 'live', null, { timeout: 120000 });
    const live = Date.now() - started;
    // Let the last transfers finish being counted.
    await page.waitForTimeout(500);
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    const html = await page.evaluate(() => performance.getEntriesByType('navigation')[0].encodedBodySize);
    return { fcp_ms: fcp === null ? null : Math.round(fcp), islands_live_ms: live, bytes, html_bytes: html };
  };
  const first = await visit();
  const repeat = await visit();
  await context.close();
  return { user, path, first, repeat };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const candidacy = await firstHref('demo.chibo', '/pipeline', '/pipeline/');
const profile = await firstHref('demo.doan', '/students', '/students/');
const pages = [
  ['demo.doan', '/ledger'],
  ['demo.doan', '/ledger/log'],
  ['demo.chibo', '/pipeline'],
  ['demo.chibo', candidacy],
  ['demo.doan', profile],
];
const rows = [];
for (const [user, path] of pages) {
  const r = await measure(browser, user, path);
  console.log(JSON.stringify(r));
  rows.push(r);
}
await browser.close();

const result = { commit, date: new Date().toISOString(), profile: PROFILE, goals: { fcp_ms: 2000, islands_live_ms: 4000, repeat_bytes: 'at most the page\'s HTML' }, rows };
mkdirSync(outDir, { recursive: true });
writeFileSync(`${outDir}/first-load.json`, JSON.stringify(result, null, 2) + '\n');
const kb = (b) => (b / 1024).toFixed(1);
const md = [
  `# First load on a slow phone (commit ${commit})`,
  '',
  `Chromium, 360 px, ${PROFILE.downloadThroughput * 8 / 1000} kbit/s, ${PROFILE.latency} ms round trip, CPU ×${PROFILE.cpu}; demo school. Goals: first paint ≤ 2 s, islands live ≤ 4 s, repeat visit ≤ the page's HTML.`,
  '',
  '| page (role) | first paint | islands live | first visit | repeat visit | page HTML |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.path} (${r.user}) | ${r.first.fcp_ms} ms | ${r.first.islands_live_ms} ms | ${kb(r.first.bytes)} KB | ${kb(r.repeat.bytes)} KB | ${kb(r.repeat.html_bytes)} KB |`),
  '',
].join('\n');
writeFileSync(`${outDir}/first-load.md`, md);
console.log(md);
