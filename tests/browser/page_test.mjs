// page_test.mjs — the web page of `tidings serve` in a real browser
// (headless Debian chromium driven by playwright-core). Not run by
// `make test`: needs /usr/bin/chromium (or $CHROMIUM) and `npm ci`;
// tests/browser/run.sh does both for CI. See docs/API.md.
//   node tests/browser/page_test.mjs [--db STORE] [--out DIR] [--tidings BIN]
// Builds a store from examples/ and ../shared/seeds (unless --db), starts
// the server on a free loopback port, checks the timeline, the map markers
// (Washington, Seoul, Russia), and that clicking a quotation by John Kirby
// highlights it in the Yonhap article; saves screenshots in DIR.
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : def;
};
const bin = arg('--tidings', 'build/tidings');
const out = arg('--out', 'build/screens');
const shared = process.env.SHARED || '../shared';
mkdirSync(out, { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), 'tidings-page-'));
let db = arg('--db', null);
if (!db) {
  db = join(tmp, 'kb.db');
  const inputs = ['examples'];
  if (existsSync(join(shared, 'seeds'))) inputs.push(join(shared, 'seeds'));
  execFileSync(bin, ['ingest', '--quiet', '--db', db, ...inputs], { stdio: 'inherit' });
}
const portFile = join(tmp, 'port');
const server = spawn(bin, ['serve', '--db', db, '--port', '0', '--port-file', portFile, '--web', 'web', '--quiet'], { stdio: 'inherit' });
for (let i = 0; i < 100 && !(existsSync(portFile) && readFileSync(portFile, 'utf8').trim()); i++)
  await new Promise((r) => setTimeout(r, 100));
if (!existsSync(portFile)) {
  console.log('FAIL the server did not start');
  server.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
  process.exit(1);
}
const base = `http://127.0.0.1:${readFileSync(portFile, 'utf8').trim()}`;

let pass = 0, fail = 0;
const check = (name, cond) => { if (cond) pass++; else { fail++; console.log('FAIL', name); } };
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  await page.goto(base + '/#/timeline');
  await page.waitForSelector('#timeline circle.ev', { timeout: 10000 });
  const nev = await page.locator('#timeline circle.ev').count();
  check('the timeline shows the seed events', nev > 0);
  await page.screenshot({ path: join(out, 'timeline.png'), fullPage: true });

  await page.goto(base + '/#/network');
  await page.waitForSelector('#network', { timeout: 10000 });
  await page.screenshot({ path: join(out, 'network.png') });

  await page.goto(base + '/#/map');
  await page.waitForSelector('#map path.land', { timeout: 10000 });
  const names = await page.locator('#map circle').evaluateAll((els) => els.map((e) => e.getAttribute('data-name') || ''));
  const has = (re) => names.some((n) => re.test(n));
  check('the map has countries', (await page.locator('#map path.land').count()) > 100);
  if (existsSync(join(shared, 'seeds'))) {
    check('a marker in Washington', has(/Washington/));
    check('a marker in Seoul', has(/Seoul|South Korea/));
    check('a marker in Russia', has(/Russia|Moscow/));
  }
  await page.screenshot({ path: join(out, 'map.png') });

  await page.goto(base + '/#/quotes');
  await page.waitForSelector('blockquote.quote', { timeout: 10000 });
  await page.screenshot({ path: join(out, 'quotes.png'), fullPage: true });
  if (existsSync(join(shared, 'seeds'))) {
    const kirby = page.locator('.speaker', { hasText: 'Kirby' });
    check('quotations by John Kirby are listed', (await kirby.count()) > 0);
    // the first quotation after Kirby's heading
    const q = page.locator('.speaker:has-text("Kirby") + blockquote.quote');
    const text = (await q.first().innerText()).replace(/^“|”.*$/gs, '').slice(0, 40);
    await q.first().click();
    await page.waitForSelector('mark', { timeout: 10000 });
    const mark = await page.locator('mark').innerText();
    check('clicking a Kirby quotation highlights it in the article', mark.includes(text.slice(0, 20)));
    check('…in the Yonhap article', (await page.locator('main p').first().innerText()).includes('Yonhap'));
    check('…and its sentence', (await page.locator('.sent-on').count()) === 1);
    await page.screenshot({ path: join(out, 'article-kirby.png'), fullPage: true });
  }

  await page.goto(base + '/#/claims');
  await page.waitForSelector('.group', { timeout: 10000 });
  await page.screenshot({ path: join(out, 'claims.png'), fullPage: true });
  await page.goto(base + '/#/stories');
  await page.waitForSelector('.group', { timeout: 10000 });
  await page.screenshot({ path: join(out, 'stories.png'), fullPage: true });
  check('no script errors', errors.length === 0);
  if (errors.length) console.log(errors.join('\n'));
} catch (e) {
  fail++;
  console.log('FAIL', e.message);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`browser: ${pass} passed, ${fail} failed (screenshots in ${out})`);
process.exit(fail ? 1 : 0);
