// What screen readers are told without moving focus: the view that just opened (« Partenaires — Alliance X »).
// One polite live region for the whole app (LiveRegion, mounted once in App.svelte) speaks what `announce` sends;
// forms keep their own confirmation next to them (a live region near the form, e.g. « Alliance enregistrée. »).

/** Something the live region should say, or "" to clear it. */
type Listener = (message: string) => void;

const listeners = new Set<Listener>();
let last = "";

/** The live region listens here; returns the function that stops it. The last message is given at once. */
export function onAnnouncement(listener: Listener): () => void {
  listeners.add(listener);
  if (last !== "") listener(last);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * Says `message` in the polite live region. The same message said twice is said again: the region is emptied
 * first, and the text put back a moment later (screen readers only speak a change of content).
 */
export function announce(message: string): void {
  last = message;
  for (const listener of listeners) listener(message);
}

/** Forgets the last message (a new screen, e.g. the vault locks). */
export function clearAnnouncement(): void {
  announce("");
}

/**
 * The title a view is announced with: the area, then the alliance it belongs to
 * (« Partenaires — Service partagé du Val de Brenne »); an area of the whole app has its label only.
 */
export function viewTitle(areaLabel: string, allianceName: string | null | undefined): string {
  const name = allianceName?.trim();
  return name ? `${areaLabel} — ${name}` : areaLabel;
}
