// Map benchmark: signs in, opens the province map N times in a fresh page each, and reports the time
// from navigation start until the 96 communes are drawn (data-ready-ms set by unit-map.js).
// Usage: node map-render.mjs <baseUrl> <user> <password> <unitId or "" for the default map> [runs]
import { chromium } from 'playwright-core';

const [baseUrl, user, password, unitId, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 10);
const browser = await chromium.launch({
  executablePath: process.env.PTDS_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
const login = await context.newPage();
await login.goto(`${baseUrl}/account/login`);
await login.fill('#Input_UserName', user);
await login.fill('#Input_Password', password);
await login.click('#sign-in');
await login.waitForURL(`${baseUrl}/`);
await login.close();

const times = [];
for (let i = 0; i < runs + 1; i++) {
  const page = await context.newPage();
  await page.goto(unitId ? `${baseUrl}/map/${unitId}` : `${baseUrl}/map`);
  await page.waitForSelector('#map[data-ready="true"]', { timeout: 30000 });
  const count = Number(await page.getAttribute('#map-status', 'data-count'));
  const ms = Number(await page.getAttribute('#map-status', 'data-ready-ms'));
  if (count !== 96) throw new Error(`expected 96 communes, drew ${count}`);
  if (i > 0) times.push(ms); // the first run warms the server's caches and is not counted
  await page.close();
}
await browser.close();
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(JSON.stringify({ runs: times.length, minMs: times[0], medianMs: median, maxMs: times[times.length - 1], times }));
