import { describe, expect, it } from "vitest";
import { exportQuestion } from "./export-check";

const complete = {
  socialNeed: "Des familles isolées.",
  collectiveResponse: "Aucune structure seule.",
  argument: "Un service partagé.",
  keyActors: "Les familles, la Ville.",
};

describe("exportQuestion", () => {
  it("asks nothing for a complete, saved dossier", () => {
    expect(exportQuestion(complete, 2, false)).toBeNull();
  });

  it("calls an empty dossier empty: nothing written, no figure", () => {
    for (const texts of [null, undefined, {}, { socialNeed: "  ", keyActors: null }]) {
      const question = exportQuestion(texts, 0, false);
      expect(question?.title).toBe("Exporter un dossier vide\u202f?");
      expect(question?.description).toMatch(/^Rien n’est encore rédigé ni chiffré\u00a0: le PDF n’aurait que sa page de titre/);
    }
  });

  it("names the parts missing, in the PDF's order, and the figures", () => {
    expect(exportQuestion({ socialNeed: "Un besoin." }, 0, false)).toEqual({
      title: "Exporter un dossier incomplet\u202f?",
      description:
        "Il manque au dossier la nécessité d’une réponse collective, l’argumentaire du projet, les acteurs clés à mobiliser et des chiffres clés. Le PDF indiquera «\u00a0Cette partie n’est pas encore rédigée.\u00a0» à leur place.",
    });
    expect(exportQuestion({ ...complete, argument: "" }, 3, false)?.description).toBe(
      "Il manque au dossier l’argumentaire du projet. Le PDF indiquera «\u00a0Cette partie n’est pas encore rédigée.\u00a0» à sa place.",
    );
    expect(exportQuestion(complete, 0, false)?.description).toBe("Il manque au dossier des chiffres clés.");
    // Figures alone: an incomplete dossier, not an empty one.
    expect(exportQuestion(null, 1, false)?.title).toBe("Exporter un dossier incomplet\u202f?");
  });

  it("says the PDF has the saved text when changes are not saved", () => {
    expect(exportQuestion(complete, 1, true)).toEqual({
      title: "Exporter sans enregistrer\u202f?",
      description: "Vos dernières modifications ne sont pas enregistrées\u00a0: le PDF reprend le dossier tel qu’il a été enregistré.",
    });
    expect(exportQuestion(null, 0, true)?.description).toMatch(/«\u00a0pas encore rédigées\u00a0»\. Vos dernières modifications ne sont pas enregistrées/);
  });
});
