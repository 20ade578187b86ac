// What the builder says above the preview of a frozen version (« En relecture », « Prêt à
// signer », « Signé »): its export is the print the vault kept when it was frozen, byte for
// byte (src-tauri/src/commands/prints.rs).

import type { FrozenPrint } from "$lib/api/bindings";
import { formatDate, NBSP } from "$lib/format";

/** « Version figée le 3 décembre 2026 : l’export reproduit à l’identique le document figé. » */
export function frozenNote(frozen: FrozenPrint): string {
  const on = `Version figée le ${formatDate(frozen.frozenAt)}${NBSP}:`;
  return frozen.printed
    ? `${on} l’export reproduit à l’identique le document figé.`
    : `${on} le prochain export sera conservé et reproduit ensuite à l’identique.`;
}
