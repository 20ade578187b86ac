// What « Exporter le dossier en PDF » asks before writing a dossier that is empty, incomplete or not saved: the
// PDF is made from what the vault holds, prints « Cette partie n’est pas encore rédigée. » for a part left blank
// (allia-docs/src/dossier.rs) and leaves out the key figures when there are none.
import type { DossierTexts } from "$lib/api/bindings";
import { joinFrench } from "$lib/backups";

/** The question asked before exporting, or null when the dossier is complete and saved. */
export interface ExportQuestion {
  title: string;
  description: string;
}

/** The dossier's parts, in the PDF's order, as the question names them when they are missing. */
const PARTS: { field: keyof DossierTexts; missing: string }[] = [
  { field: "socialNeed", missing: "le besoin social" },
  { field: "collectiveResponse", missing: "la nécessité d’une réponse collective" },
  { field: "argument", missing: "l’argumentaire du projet" },
  { field: "keyActors", missing: "les acteurs clés à mobiliser" },
];

const written = (text: string | null | undefined) => (text ?? "").trim() !== "";

/**
 * Whether to ask before exporting, and what to say: nothing written and no figure (« Exporter un dossier
 * vide ? »), some parts missing (they are named), or changes typed and not saved (the PDF has the saved text).
 *
 * `texts` is the saved dossier (null when never saved), `figureCount` its key figures, `unsaved` whether the form
 * holds changes not yet saved.
 */
export function exportQuestion(texts: DossierTexts | null | undefined, figureCount: number, unsaved: boolean): ExportQuestion | null {
  const missing = PARTS.filter((part) => !written(texts?.[part.field])).map((part) => part.missing);
  const notSaved = unsaved
    ? " Vos dernières modifications ne sont pas enregistrées\u00a0: le PDF reprend le dossier tel qu’il a été enregistré."
    : "";
  if (missing.length === PARTS.length && figureCount === 0) {
    return {
      title: "Exporter un dossier vide\u202f?",
      description: `Rien n’est encore rédigé ni chiffré\u00a0: le PDF n’aurait que sa page de titre et quatre parties «\u00a0pas encore rédigées\u00a0».${notSaved}`,
    };
  }
  const lacks = figureCount === 0 ? [...missing, "des chiffres clés"] : missing;
  if (lacks.length > 0) {
    const blanks = missing.length > 0 ? ` Le PDF indiquera «\u00a0Cette partie n’est pas encore rédigée.\u00a0» ${missing.length > 1 ? "à leur place" : "à sa place"}.` : "";
    return {
      title: "Exporter un dossier incomplet\u202f?",
      description: `Il manque au dossier ${joinFrench(lacks)}.${blanks}${notSaved}`,
    };
  }
  if (unsaved) {
    return { title: "Exporter sans enregistrer\u202f?", description: notSaved.trim() };
  }
  return null;
}
