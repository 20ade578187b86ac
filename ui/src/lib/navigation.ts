// Areas of the main frame. Areas that are not built yet do not exist here.
export type AllianceArea = "alliance" | "partenaires" | "documents";
export type Area = AllianceArea | "new-alliance" | "profile" | "settings";

export interface AreaGroup {
  label: string;
  areas: { id: AllianceArea; label: string }[];
}

/** Grouped as in the guide: Construire, Mesurer, Piloter. Only built areas are listed. */
export const AREA_GROUPS: AreaGroup[] = [
  {
    label: "Construire",
    areas: [
      { id: "alliance", label: "Alliance" },
      { id: "partenaires", label: "Partenaires" },
      { id: "documents", label: "Documents" },
    ],
  },
];
