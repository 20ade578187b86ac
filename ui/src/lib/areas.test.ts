import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AREA_GROUPS, AREAS, areaById, HOME_AREA, isAreaId, menuAreas, sidebarAppAreas, sidebarGroups } from "./areas";

describe("the area registry", () => {
  it("names each area once", () => {
    const ids = AREAS.map((area) => area.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(areaById(id).id).toBe(id);
    expect(areaById(HOME_AREA).scope).toBe("alliance");
    for (const id of ids) expect(isAreaId(id)).toBe(true);
    // An id kept from an older version, or mistyped in a `navigate`, is not an area.
    expect(isAreaId("budget")).toBe(false);
  });

  it("lists the alliance's areas in the guide's groups, in the guide's order", () => {
    expect(sidebarGroups().map((group) => [group.label, group.areas.map((area) => area.label)])).toEqual([
      ["Construire", ["Alliance", "Diagnostic", "Projet", "Partenaires", "Modèle de partenariat", "Documents"]],
      ["Mesurer", ["Objectifs", "Évaluation"]],
    ]);
    for (const group of sidebarGroups()) expect(AREA_GROUPS).toContain(group.label);
  });

  it("puts the profile and the settings in the settings menu, titled as before", () => {
    // The association's profile, which every contract names, is also at the foot of the sidebar.
    expect(sidebarAppAreas().map((area) => [area.id, area.label])).toEqual([["profile", "Profil de mon association"]]);
    expect(menuAreas().map((area) => [area.id, area.label])).toEqual([
      ["profile", "Profil de mon association"],
      ["settings", "Paramètres"],
    ]);
    expect(areaById("new-alliance").label).toBe("Nouvelle alliance");
  });

  it("gives every area a guide text with a title (its parts are checked in guide/guide.test.ts)", () => {
    for (const area of AREAS) {
      expect(area.guide.title, area.id).not.toBe("");
    }
  });

  it("gives each view the props it needs from the frame", () => {
    const alliance = {
      id: "a1",
      archived: false,
      partnerCount: 0,
      createdAt: "",
      updatedAt: "",
      draft: { name: "Alliance", status: "active" as const },
    };
    const counts: number[] = [];
    const frame = {
      alliance,
      allianceSaved: () => undefined,
      allianceCreated: () => undefined,
      allianceDeleted: () => undefined,
      newAllianceCancelled: () => undefined,
      partnerCountChanged: (count: number) => counts.push(count),
      autoLockChanged: () => undefined,
      restored: () => undefined,
      newRecoveryKey: () => undefined,
    };
    const partners = areaById("partenaires");
    const props = partners.props(frame);
    expect(props["alliance"]).toBe(alliance);
    (props["onCountChanged"] as (count: number) => void)(4);
    expect(counts).toEqual([4]);
    expect(areaById("new-alliance").props(frame)["alliance"]).toBeNull();
  });

  it("is the one place that knows the areas: the frame names none of them (issue 11, item 11)", () => {
    // The frame draws whatever area the registry gives it; « Nouvelle alliance » is the one it opens by itself.
    for (const file of ["views/MainFrame.svelte", "views/Sidebar.svelte", "views/TopBar.svelte", "components/GuidePanel.svelte"]) {
      // `scope === "alliance"` tells the two kinds of area apart; it names no area.
      const source = readFileSync(join(dirname(fileURLToPath(import.meta.url)), file), "utf8").replace(/scope [!=]== "alliance"/g, "");
      for (const area of AREAS) {
        if (area.id === "new-alliance") continue;
        expect(source, `${file} names « ${area.id} »`).not.toMatch(new RegExp(`["'\`]${area.id}["'\`]`));
      }
    }
  });
});
