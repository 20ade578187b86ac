// Text helpers of the charts.

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes a text for the HTML of an ECharts tooltip, which renders its formatter's string as markup: an
 * actor's name is what its user typed, and must show as typed rather than run.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
