// What the builder says above the preview of a frozen version (« En relecture », « Prêt à
// signer », « Signé »): its export is the print the vault kept, byte for byte
// (src-tauri/src/commands/prints.rs). A print this vault typeset reproduces the frozen
// document; one received with an alliance file is exported as received: the file is not
// authenticated, so the note gives the fingerprint to compare with the sender's.

import type { FrozenPrint } from "$lib/api/bindings";
import { formatDate, NBSP } from "$lib/format";

/** First and last four hex digits of a SHA-256 (« 1a2b…9f3c »), as people compare it; a short value whole. */
export function shortFingerprint(sha256: string): string {
  const hex = sha256.trim().toLowerCase();
  return hex.length > 8 ? `${hex.slice(0, 4)}\u2026${hex.slice(-4)}` : hex;
}

/**
 * « Version figée le 3 décembre 2026 : l’export reproduit à l’identique le document figé (empreinte SHA-256 :
 * 1a2b…9f3c). », or for a print received with the alliance file, that it is exported as received.
 */
export function frozenNote(frozen: FrozenPrint): string {
  const on = `Version figée le ${formatDate(frozen.frozenAt)}`;
  if (!frozen.printed) return `${on}${NBSP}: le prochain export sera conservé et reproduit ensuite à l’identique.`;
  const fingerprint = frozen.sha256 ? ` (empreinte SHA-256${NBSP}: ${shortFingerprint(frozen.sha256)})` : "";
  return frozen.received
    ? `${on}. PDF reçu avec le fichier de l’alliance${fingerprint}${NBSP}: l’export le reproduit tel qu’il a été reçu. Comparez l’empreinte avec celle de l’expéditeur.`
    : `${on}${NBSP}: l’export reproduit à l’identique le document figé${fingerprint}.`;
}
