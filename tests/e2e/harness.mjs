// The machinery under the scenarios: tauri-driver, one app session per scenario,
// a fresh data directory per run, screenshots of failed steps.
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

import { assertAccessible } from './axe.mjs';

const PORT = Number(process.env.TAURI_DRIVER_PORT ?? 4444);
/** WebKitWebDriver's port behind tauri-driver; set both to run two suites side by side. */
const NATIVE_PORT = Number(process.env.TAURI_DRIVER_NATIVE_PORT ?? PORT + 1);
const HOST = '127.0.0.1';
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

/** The built app (`cargo build -p allia-app --features tauri/custom-protocol`). */
function appPath() {
  const app = process.env.ALLIA_APP;
  if (!app || !existsSync(app)) {
    throw new Error(`ALLIA_APP must name the built app (got ${app ?? 'nothing'}); run \`cargo xtask test\``);
  }
  return app;
}

/** $TAURI_DRIVER, else tauri-driver on PATH, else ~/.cargo/bin. */
function driverPath() {
  const exe = process.platform === 'win32' ? 'tauri-driver.exe' : 'tauri-driver';
  const candidates = [
    process.env.TAURI_DRIVER,
    ...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, exe)),
    join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin', exe),
  ];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('tauri-driver not found: cargo install tauri-driver --locked --version 2.1.0');
  return found;
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/**
 * A fresh temporary workspace: `data` (ALLIA_DATA_DIR, the vault) and `save`
 * (ALLIA_E2E_SAVE_DIR, where the app writes files instead of asking with a dialog).
 */
export function makeWorkspace() {
  const root = mkdtempSync(join(tmpdir(), 'allia-e2e-'));
  const workspace = { root, dataDir: join(root, 'data'), saveDir: join(root, 'save') };
  mkdirSync(workspace.dataDir);
  mkdirSync(workspace.saveDir);
  return workspace;
}

export function removeWorkspace(workspace) {
  if (process.env.ALLIA_E2E_KEEP) {
    console.log(`# kept ${workspace.root}`);
    return;
  }
  rmSync(workspace.root, { recursive: true, force: true });
}

/**
 * Starts tauri-driver with the workspace's environment (WebKitWebDriver and the app
 * inherit it: that is how the app learns ALLIA_DATA_DIR). `options.env` adds or
 * overrides variables (e.g. HOME and the XDG dirs, to keep every write in the
 * workspace). Returns a stop function.
 */
export async function startDriver(workspace, options = {}) {
  // A driver just stopped (the suite before, or `restart`) may hold its ports a moment longer, WebKitWebDriver's
  // above all: a new one started meanwhile could not open its session.
  for (const [port, what] of [[PORT, 'tauri-driver'], [NATIVE_PORT, 'WebKitWebDriver']]) {
    const free = Date.now() + 15_000;
    while (await portOpen(port)) {
      if (Date.now() > free) throw new Error(`port ${port} is still in use after 15 s (a ${what} left running?)`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const log = openSync(join(ARTIFACTS, 'tauri-driver.log'), 'a');
  const driver = spawn(driverPath(), ['--port', String(PORT), '--native-port', String(NATIVE_PORT)], {
    env: {
      ...process.env,
      ALLIA_DATA_DIR: workspace.dataDir,
      ALLIA_E2E_SAVE_DIR: workspace.saveDir,
      WEBKIT_DISABLE_DMABUF_RENDERER: process.env.WEBKIT_DISABLE_DMABUF_RENDERER ?? '1',
      ...options.env,
    },
    stdio: ['ignore', log, log],
  });
  let exited = null;
  const exit = new Promise((resolve) => driver.once('exit', (code, signal) => {
    exited = signal ?? code;
    resolve();
  }));

  // Both listening: tauri-driver hands each new session to WebKitWebDriver, which it starts beside itself and which
  // takes longer to come up on a busy machine; a session asked for before that fails with a socket error.
  const deadline = Date.now() + 20_000;
  while (!(await portOpen(PORT)) || !(await portOpen(NATIVE_PORT))) {
    if (exited !== null) throw new Error(`tauri-driver exited (${exited}); see ${ARTIFACTS}/tauri-driver.log`);
    if (Date.now() > deadline) {
      driver.kill('SIGKILL');
      throw new Error(`tauri-driver (port ${PORT}) and WebKitWebDriver (port ${NATIVE_PORT}) do not both listen after 20 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return async function stopDriver() {
    if (exited !== null) return;
    // SIGTERM: tauri-driver then stops WebKitWebDriver too.
    driver.kill('SIGTERM');
    const timer = setTimeout(() => driver.kill('SIGKILL'), 5_000);
    await exit;
    clearTimeout(timer);
  };
}

/**
 * tauri-driver for one spec file: started on `workspace` before the file's tests; after them, stopped and the
 * workspace removed. `driver.stop()` ends it early (to look at the files once the app is gone);
 * `driver.restart(other)` starts it again on another workspace (the app learns its data folder from the driver's
 * environment). `options` as for `startDriver`.
 */
export function useDriver(workspace, options = {}) {
  let stop;
  const driver = {
    async stop() {
      await stop?.();
      stop = undefined;
    },
    async restart(next, nextOptions = {}) {
      await driver.stop();
      stop = await startDriver(next, nextOptions);
    },
  };
  before(async () => {
    stop = await startDriver(workspace, options);
  });
  after(async () => {
    await driver.stop();
    removeWorkspace(workspace);
  });
  return driver;
}

/** Launches the app in a new WebDriver session. */
export async function openApp() {
  return remote({
    hostname: HOST,
    port: PORT,
    logLevel: 'warn',
    waitforTimeout: 15_000,
    connectionRetryTimeout: 30_000,
    connectionRetryCount: 0,
    capabilities: {
      'tauri:options': { application: appPath() },
      // tauri-driver does not proxy WebDriver BiDi, which webdriverio 9 asks for by default.
      'wdio:enforceWebDriverClassic': true,
    },
  });
}

/** Quits the app (closing the session ends the process). */
export async function closeApp(browser) {
  if (!browser) return;
  try {
    await browser.deleteSession();
  } catch (error) {
    console.log(`# deleteSession: ${error.message}`);
  }
}

/**
 * One app session for the enclosing `describe`: launched before its steps, quit after.
 * Returns the scenario `{ browser, failed }` that `step` uses.
 */
export function appSession() {
  const scenario = { browser: undefined, failed: false };
  before(async () => {
    scenario.browser = await openApp();
  }, { timeout: 60_000 });
  after(async () => {
    await closeApp(scenario.browser);
    await waitForAppExit();
  });
  return scenario;
}

/**
 * One step of a scenario (a node:test `it`). Steps run in order; once one fails the
 * next ones are skipped. A failed step leaves a screenshot and the page source in
 * tests/artifacts/. The screen a step ends on is checked with axe-core (axe.mjs): a
 * serious or critical accessibility violation fails the step.
 */
export function step(scenario, name, fn) {
  it(name, { timeout: 90_000 }, async (t) => {
    if (scenario.failed) {
      t.skip('an earlier step failed');
      return;
    }
    try {
      await fn();
      await assertAccessible(scenario.browser, `the end of « ${name} »`);
    } catch (error) {
      scenario.failed = true;
      await saveEvidence(scenario.browser, name);
      throw error;
    }
  });
}

async function saveEvidence(browser, name) {
  if (!browser) return;
  const slug = name.normalize('NFD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
  mkdirSync(ARTIFACTS, { recursive: true });
  try {
    writeFileSync(join(ARTIFACTS, `${slug}.html`), await browser.getPageSource());
    captureScreen(join(ARTIFACTS, `${slug}.png`));
  } catch (error) {
    console.log(`# could not save evidence for "${name}": ${error.message}`);
  }
}

/**
 * Waits until no process runs the app binary any more (Linux: /proc). The app is
 * single-instance: a relaunch while the previous one lingers would just exit.
 */
export async function waitForAppExit(timeoutMs = 30_000) {
  if (process.platform !== 'linux') return;
  const started = Date.now();
  const app = realpathSync(appPath());
  const running = () =>
    readdirSync('/proc').some((pid) => {
      if (!/^\d+$/.test(pid)) return false;
      try {
        return readlinkSync(`/proc/${pid}/exe`) === app;
      } catch {
        return false;
      }
    });
  const deadline = Date.now() + timeoutMs;
  while (running()) {
    if (Date.now() > deadline) throw new Error(`${app} still runs ${timeoutMs / 1000} s after its session closed`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Closing takes a backup of the vault: slow on a loaded machine, worth seeing in the log.
  const seconds = (Date.now() - started) / 1000;
  if (seconds > 5) console.log(`# the app took ${seconds.toFixed(1)} s to exit`);
}

/**
 * Saves a screenshot of the virtual screen for the documentation when
 * ALLIA_SCREENSHOTS_DIR is set (`cargo xtask screenshots`); does nothing otherwise.
 * ImageMagick's `import` reads the X display: WebKitWebDriver's own screenshot
 * command can hang after a few navigations.
 */
export async function screenshot(browser, name) {
  const dir = process.env.ALLIA_SCREENSHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await browser.pause(400); // let transitions settle
  captureScreen(join(dir, `${name}.png`));
}

/** The X display as a PNG (Linux under xvfb-run); elsewhere nothing. */
function captureScreen(file) {
  if (!process.env.DISPLAY) return;
  execFileSync('import', ['-window', 'root', file], { timeout: 10_000 });
}
