// Runs the end-to-end tests (e2e/*.test.mjs) one file at a time with node's test
// runner and ends with a single line "N passed, N failed".
//
// Needs ALLIA_APP (the built app) and tauri-driver; `cargo xtask test` provides both
// and runs this under xvfb-run on Linux.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const artifacts = join(here, 'artifacts');
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });

const files = readdirSync(join(here, 'e2e'))
  .filter((name) => name.endsWith('.test.mjs'))
  .sort()
  .map((name) => join(here, 'e2e', name));

let passed = 0;
let failed = 0;
let anyFailure = false;
// Files run one after another: each starts its own tauri-driver on the same port.
const stream = run({ files, concurrency: 1 });
stream.on('test:pass', (event) => {
  if (event.details?.type !== 'suite' && !event.skip && !event.todo) passed += 1;
});
stream.on('test:fail', (event) => {
  anyFailure = true;
  if (event.details?.type !== 'suite') failed += 1;
});
for await (const chunk of stream.compose(new spec())) {
  process.stdout.write(chunk);
}

// A failing suite hook fails no test by itself: still count it once.
if (anyFailure && failed === 0) failed = 1;
if (failed > 0) {
  const log = join(artifacts, 'tauri-driver.log');
  if (existsSync(log)) {
    const tail = readFileSync(log, 'utf8').split('\n').slice(-60).join('\n');
    console.log(`\n--- last lines of ${log} ---\n${tail}`);
  }
  console.log(`\nScreenshots and page sources of failed steps: ${artifacts}`);
}
if (passed + failed === 0) {
  console.log('no end-to-end test ran');
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
