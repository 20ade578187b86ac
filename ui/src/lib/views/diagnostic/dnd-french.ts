// What svelte-dnd-action says to screen readers while an item is moved by drag and drop, in French (its defaults
// are English). The library keeps one set for every zone of the app: set once, when the matrix is first shown.
import { setAriaStrings } from "svelte-dnd-action";

const NBSP = "\u00a0";
let done = false;

/** The library's announcements and instructions in French. */
export function useFrenchDndStrings(): void {
  if (done) return;
  done = true;
  setAriaStrings({
    dragStarted: ({ itemLabel, zoneLabel, canMoveBetweenZones }) =>
      `Déplacement de «${NBSP}${itemLabel}${NBSP}» commencé dans ${zoneLabel}. Utilisez les flèches pour le déplacer` +
      (canMoveBetweenZones ? `, ou Tab pour passer à un autre quadrant.` : "."),
    movedToPosition: ({ itemLabel, zoneLabel, position, count }) =>
      `«${NBSP}${itemLabel}${NBSP}» en position ${position} sur ${count} dans ${zoneLabel}.`,
    movedToZoneEnd: ({ itemLabel, zoneLabel }) => `«${NBSP}${itemLabel}${NBSP}» à la fin de ${zoneLabel}.`,
    movedToZoneStart: ({ itemLabel, zoneLabel }) => `«${NBSP}${itemLabel}${NBSP}» au début de ${zoneLabel}.`,
    dropped: ({ itemLabel, zoneLabel, position, count }) =>
      `«${NBSP}${itemLabel}${NBSP}» déposé dans ${zoneLabel}, position ${position} sur ${count}.`,
    zoneActiveInstruction: ({ keyboardDragTrigger }) =>
      keyboardDragTrigger === "space"
        ? "Allez jusqu’à la poignée d’un élément et appuyez sur Espace pour le déplacer."
        : "Allez jusqu’à la poignée d’un élément et appuyez sur Espace ou Entrée pour le déplacer.",
    zoneDragDisabledInstruction: "Le déplacement par glisser-déposer est désactivé ici.",
  });
}
