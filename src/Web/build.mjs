// Builds the dashboard into ../Rules/Web/dist (app.js, app.css, index.html), which Rules embeds and serves at /ui/.
// `node build.mjs --check` builds in memory and fails when the committed files differ (run `npm run build`).
import * as esbuild from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';

const here = new URL('./', import.meta.url);
const dist = new URL('../Rules/Web/dist/', import.meta.url);
const check = process.argv.includes('--check');

const common = { bundle: true, minify: true, write: false, charset: 'utf8', logLevel: 'warning' };
const js = await esbuild.build({ ...common, entryPoints: [new URL('src/main.ts', here).pathname], format: 'iife', target: 'es2020', outfile: 'app.js' });
const css = await esbuild.build({ ...common, entryPoints: [new URL('src/styles.css', here).pathname], outfile: 'app.css' });
const outputs = new Map([
  ['app.js', js.outputFiles[0].text],
  ['app.css', css.outputFiles[0].text],
  ['index.html', await readFile(new URL('index.html', here), 'utf8')],
]);

if (check) {
  const stale = [];
  for (const [name, text] of outputs) {
    const committed = await readFile(new URL(name, dist), 'utf8').catch(() => null);
    if (committed !== text) stale.push(name);
  }
  if (stale.length > 0) {
    console.error(`src/Rules/Web/dist is out of date (${stale.join(', ')}): run "npm run build" in src/Web and commit the result.`);
    process.exit(1);
  }
  console.log('src/Rules/Web/dist is up to date.');
} else {
  await mkdir(dist, { recursive: true });
  for (const [name, text] of outputs) await writeFile(new URL(name, dist), text);
  console.log(`built ${[...outputs.keys()].join(', ')} into src/Rules/Web/dist`);
}
