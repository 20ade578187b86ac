// The document workspace's measures: its width (two columns or one) and the height its two columns may take under
// the sticky action bar. Browser layout only: without a ResizeObserver (tests without layout) nothing is measured.

/** Room between the action bar and the columns, and the columns' least height (CSS px). */
const GAP_PX = 8;
const MIN_COLUMNS_PX = 320;

export interface WorkspaceMeasure {
  /** The workspace's width, CSS px. */
  width: number;
  /** The two columns' height, CSS px: what the scrolling page leaves under the action bar. */
  columnsHeight: number;
  /** The action bar's height, CSS px (0 when not measured). */
  barHeight: number;
}

/**
 * A Svelte action on the workspace: calls `onMeasure` whenever the workspace, the page that scrolls it (`main`) or
 * the action bar (`[data-testid="document-action-bar"]`, a sibling) changes size — a window resized, the guide
 * opened or closed, the text size changed. Scrolled to the end of the page, the columns' tops then stay below the bar.
 */
export function measureWorkspace(node: HTMLElement, onMeasure: (measure: WorkspaceMeasure) => void) {
  if (typeof ResizeObserver === "undefined") return;
  const main = node.closest<HTMLElement>("main");
  const bar = node.parentElement?.querySelector<HTMLElement>('[data-testid="document-action-bar"]') ?? null;
  const observer = new ResizeObserver(() => {
    let columnsHeight = MIN_COLUMNS_PX;
    if (main && bar) {
      // What the page holds under the workspace (paddings), whatever the scroll position.
      const below = main.scrollHeight - (node.getBoundingClientRect().bottom - main.getBoundingClientRect().top + main.scrollTop);
      columnsHeight = Math.max(MIN_COLUMNS_PX, main.clientHeight - bar.offsetHeight - Math.max(0, below) - GAP_PX);
    }
    onMeasure({ width: node.clientWidth, columnsHeight, barHeight: bar?.offsetHeight ?? 0 });
  });
  for (const watched of [node, main, bar]) if (watched) observer.observe(watched);
  return { destroy: () => observer.disconnect() };
}
