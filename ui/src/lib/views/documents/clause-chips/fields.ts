// The fields a person can insert in a clause, and their groups in the « Insérer une donnée » list.
import fieldList from "$lib/api/clause-fields.json";

/** The fields a person can insert in a clause: the alliance's and the document's, the party's in per-party clauses. */
export function insertableFields(perParty: boolean): { path: string; label: string }[] {
  return fieldList.fields
    .map(([path, label]) => ({ path: path as string, label: label as string }))
    .filter(
      ({ path, label }) =>
        !label.includes("(code)") &&
        !path.startsWith("loop.") &&
        !["objective", "party", "lead", "parties", "objectives", "party.is_profile", "party.is_lead", "lead.is_profile", "lead.is_lead"].includes(path) &&
        (perParty || !path.startsWith("party.")),
    );
}

/** A group of the « Insérer une donnée » list. */
export interface FieldGroup {
  label: string;
  fields: { path: string; label: string }[];
}

/** Which group a field is listed in, by where it comes from. */
function groupOf(path: string): string {
  if (path.startsWith("lead.")) return "Le chef de file";
  if (path.startsWith("party.")) return "La partie";
  if (path.startsWith("document.")) return "Le document";
  if (path.startsWith("review.") || path.startsWith("governance.")) return "Le suivi et la gouvernance";
  if (path.startsWith("subsidy_") || path === "public_funders") return "Les financements";
  return "L’alliance";
}

/** The insertable fields grouped for the list (optgroups), the party's first in a per-party clause. */
export function insertableGroups(perParty: boolean): FieldGroup[] {
  const order = perParty
    ? ["La partie", "L’alliance", "Le chef de file", "Les financements", "Le suivi et la gouvernance", "Le document"]
    : ["L’alliance", "Le chef de file", "Les financements", "Le suivi et la gouvernance", "Le document"];
  const groups = new Map<string, FieldGroup>(order.map((label) => [label, { label, fields: [] }]));
  for (const field of insertableFields(perParty)) groups.get(groupOf(field.path))?.fields.push(field);
  return [...groups.values()].filter((group) => group.fields.length > 0);
}
