// Automated accessibility check of the screen on show: axe-core (tests/package.json) injected into the app's
// webview and run there. `step` runs it after each step and the page helpers after each move to another area, so
// every screen the scenarios visit is checked; a serious or critical violation fails the step with its rule, the
// elements it found and axe's advice.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The impacts that fail a step; « minor » and « moderate » ones are left to review. */
export const FAILING_IMPACTS = new Set(['serious', 'critical']);

let source;
/** axe.min.js, read once per test file. */
function axeSource() {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

/**
 * Whether the checks run: on unless ALLIA_E2E_AXE=0 (to look at a failing scenario without them).
 * ALLIA_E2E_AXE_LOG=1 prints every check's violations, of any impact.
 */
export function axeEnabled() {
  return process.env.ALLIA_E2E_AXE !== '0';
}

/** Errors that mean there is no page left to check (the step closed the app, or the session ended). */
function sessionGone(error) {
  return /invalid session|session (is )?(deleted|not created)|no such window|ECONNREFUSED|terminated/i.test(
    String(error?.message ?? error),
  );
}

/**
 * Runs axe on the page shown by `browser` and returns its serious and critical violations, each as
 * `{ id, impact, help, helpUrl, nodes: [{ target, summary }] }`; `[]` when the app is gone.
 */
export async function axeViolations(browser) {
  if (!browser) return [];
  try {
    // A page loaded since the last check (a new session, a reload) has no axe yet: inject it once per page.
    const present = await browser.execute(() => typeof window.axe === 'object');
    if (!present) await browser.execute(`${axeSource()}\n;return true;`);
    // Let transitions end (dialogs fade in): a half-transparent text is not what the person reads.
    await browser.pause(150);
    const result = await browser.executeAsync((done) => {
      window.axe
        .run(document, { resultTypes: ['violations'] })
        .then((results) =>
          done({
            violations: results.violations.map((violation) => ({
              id: violation.id,
              impact: violation.impact,
              help: violation.help,
              helpUrl: violation.helpUrl,
              nodes: violation.nodes.map((node) => ({
                target: node.target.join(' '),
                impact: node.impact,
                summary: [...node.any, ...node.all, ...node.none].map((check) => check.message).join(' / '),
              })),
            })),
          }),
        )
        .catch((error) => done({ error: String(error?.message ?? error) }));
    });
    if (result?.error) throw new Error(`axe could not run: ${result.error}`);
    if (process.env.ALLIA_E2E_AXE_LOG) {
      const all = (result?.violations ?? []).map((violation) => `${violation.id}(${violation.impact})`);
      console.log(`# axe: ${all.length === 0 ? 'no violation' : all.join(', ')}`);
    }
    return (result?.violations ?? [])
      .map((violation) => ({
        ...violation,
        nodes: violation.nodes.filter((node) => FAILING_IMPACTS.has(node.impact ?? violation.impact)),
      }))
      .filter((violation) => violation.nodes.length > 0);
  } catch (error) {
    if (sessionGone(error)) return [];
    throw error;
  }
}

/** The violations as a list a person can act on: rule, impact, advice, then each element and what axe saw. */
export function formatViolations(violations, where = '') {
  const lines = [`axe-core: ${violations.length} serious or critical violation(s)${where ? ` on ${where}` : ''}`];
  for (const violation of violations) {
    lines.push(`- ${violation.id} (${violation.impact}): ${violation.help} — ${violation.helpUrl}`);
    for (const node of violation.nodes.slice(0, 8)) {
      lines.push(`    ${node.target}${node.summary ? `\n      ${node.summary}` : ''}`);
    }
    if (violation.nodes.length > 8) lines.push(`    … and ${violation.nodes.length - 8} more`);
  }
  return lines.join('\n');
}

/** What the screen is, for the message: the window title and the page's first heading. */
async function screenName(browser) {
  try {
    return await browser.execute(() => {
      const heading = document.querySelector('h1')?.textContent?.trim() ?? '';
      return `« ${document.title}${heading ? ` › ${heading}` : ''} »`;
    });
  } catch {
    return '';
  }
}

/** Fails (throws) when the screen shown has a serious or critical violation; does nothing when disabled. */
export async function assertAccessible(browser, context = '') {
  if (!axeEnabled()) return;
  const violations = await axeViolations(browser);
  if (violations.length === 0) return;
  const where = [context, await screenName(browser)].filter(Boolean).join(', ');
  throw new Error(formatViolations(violations, where));
}
