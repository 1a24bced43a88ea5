// build.mjs — bundles the page for `tidings serve` into web/dist/ (committed,
// so building tidings needs no npm): web/src/app.js with topojson-client as
// one minified ES module, and world-atlas's Natural Earth 1:110m countries.
// Run after `npm ci`: npm run web
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync('web/dist', { recursive: true });
await build({
  entryPoints: ['web/src/app.js'],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  legalComments: 'eof',
  outfile: 'web/dist/app.js',
});
copyFileSync('node_modules/world-atlas/countries-110m.json', 'web/dist/countries-110m.json');
