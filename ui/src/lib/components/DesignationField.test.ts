// « Désignation dans les contrats »: allia-core's proposal follows the name while nothing is changed (the value stays
// null), a change or « Proposer » stores a designation, and the example sentence comes from allia-core.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ActorType, Designation } from "$lib/api/bindings";
import Harness from "./test/DesignationFieldHarness.svelte";

const departement: Designation = { article: "le", gender: "masculine", number: "singular", shortName: "le Département" };
const commune: Designation = { article: "la", gender: "feminine", number: "singular", shortName: "la Commune" };

/** A stand-in for allia-core's rule: « Commune … » is feminine, anything else the Département. */
function fakes() {
  const propose = vi.fn(async (name: string, _acronym: string | null, _actor: ActorType) =>
    name.startsWith("Commune") ? commune : departement,
  );
  const example = vi.fn(async (name: string, d: Designation) => `${name} — ${d.shortName} — ${d.gender}`);
  return { propose, example };
}

function renderField(initial: Designation | null, initialName = "Département d’Indre-et-Loire", error: string | null = null) {
  const { propose, example } = fakes();
  render(Harness, { props: { initialName, initial, propose, example, actorType: "local_authority", error } });
  return { propose, example };
}

const sent = () => JSON.parse(screen.getByTestId("sent").textContent ?? "null");
const select = (label: string) => screen.getByLabelText(label) as HTMLSelectElement;

describe("DesignationField", () => {
  afterEach(cleanup);

  it("shows the proposal for the name in a labelled group, with French choices, and keeps null", async () => {
    const { propose } = renderField(null);
    expect(screen.getByRole("group", { name: "Désignation dans les contrats" })).toBeTruthy();
    await waitFor(() => expect(select("Article").value).toBe("le"));
    expect(propose).toHaveBeenCalledWith("Département d’Indre-et-Loire", null, "local_authority");
    expect([...select("Article").options].map((o) => o.text)).toEqual(["le", "la", "l’", "les", "aucun (nom propre)"]);
    expect([...select("Genre").options].map((o) => o.text)).toEqual(["masculin", "féminin"]);
    expect([...select("Nombre").options].map((o) => o.text)).toEqual(["singulier", "pluriel"]);
    expect(select("Genre").value).toBe("masculine");
    expect((screen.getByLabelText("Nom court") as HTMLInputElement).value).toBe("le Département");
    expect(screen.getByTestId("partner-designation-status")).toHaveTextContent("Proposée d’après le nom");
    const example = await screen.findByTestId("partner-designation-example");
    expect(example).toHaveTextContent("Exemple : Département d’Indre-et-Loire — le Département — masculine");
    expect(sent()).toBeNull();
  });

  it("follows the name while nothing is changed", async () => {
    renderField(null);
    await waitFor(() => expect(select("Article").value).toBe("le"));
    await fireEvent.input(screen.getByTestId("name"), { target: { value: "Commune de Villard-de-Lans" } });
    await waitFor(() => expect(select("Article").value).toBe("la"));
    expect(select("Genre").value).toBe("feminine");
    await waitFor(() =>
      expect(screen.getByTestId("partner-designation-example")).toHaveTextContent("Commune de Villard-de-Lans — la Commune"),
    );
    expect(sent()).toBeNull();
  });

  it("is busy while the proposal and the example follow a new name, and no longer once both have come", async () => {
    renderField(null);
    const group = screen.getByRole("group", { name: "Désignation dans les contrats" });
    expect(group.getAttribute("aria-busy")).toBe("true");
    await waitFor(() => expect(group.getAttribute("aria-busy")).toBe("false"));
    expect(screen.getByTestId("partner-designation-example")).toHaveTextContent("le Département");
    await fireEvent.input(screen.getByTestId("name"), { target: { value: "Commune de Villard-de-Lans" } });
    expect(group.getAttribute("aria-busy")).toBe("true");
    await waitFor(() => expect(group.getAttribute("aria-busy")).toBe("false"));
    expect(screen.getByTestId("partner-designation-example")).toHaveTextContent("Commune de Villard-de-Lans — la Commune");
  });

  it("is not busy when the name is emptied, even with an answer still on its way", async () => {
    renderField(null);
    await fireEvent.input(screen.getByTestId("name"), { target: { value: "" } });
    await waitFor(() => expect(screen.getByRole("group", { name: "Désignation dans les contrats" }).getAttribute("aria-busy")).toBe("false"));
    expect(screen.queryByTestId("partner-designation-example")).toBeNull();
  });

  it("stores the designation once a choice changes, and keeps it when the name changes", async () => {
    renderField(null);
    await waitFor(() => expect(select("Article").value).toBe("le"));
    await fireEvent.change(select("Genre"), { target: { value: "feminine" } });
    expect(sent()).toEqual({ ...departement, gender: "feminine" });
    expect(screen.getByTestId("partner-designation-status")).toHaveTextContent("Choisie pour les contrats.");
    await fireEvent.input(screen.getByLabelText("Nom court"), { target: { value: "le Conseil" } });
    expect(sent()).toEqual({ ...departement, gender: "feminine", shortName: "le Conseil" });
    await fireEvent.input(screen.getByTestId("name"), { target: { value: "Commune de Tours" } });
    await waitFor(() =>
      expect(screen.getByTestId("partner-designation-example")).toHaveTextContent("Commune de Tours — le Conseil — feminine"),
    );
    expect(sent()).toEqual({ ...departement, gender: "feminine", shortName: "le Conseil" });
  });

  it("« Proposer » replaces a stored designation with the proposal for the name", async () => {
    renderField({ article: "none", gender: "feminine", number: "plural", shortName: "CD37" }, "Commune de Tours");
    expect(select("Article").value).toBe("none");
    expect(select("Nombre").value).toBe("plural");
    const button = screen.getByRole("button", { name: "Proposer" });
    await waitFor(() => expect(button).not.toBeDisabled());
    await fireEvent.click(button);
    expect(sent()).toEqual(commune);
    expect(select("Article").value).toBe("la");
    expect((screen.getByLabelText("Nom court") as HTMLInputElement).value).toBe("la Commune");
  });

  it("shows the vault's error next to the short name", async () => {
    renderField(departement, "Département d’Indre-et-Loire", "Indiquez le nom court utilisé dans les contrats.");
    const input = screen.getByLabelText("Nom court");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("alert")).toHaveTextContent("Indiquez le nom court utilisé dans les contrats.");
  });

  it("shows the vault's error about a doubled article next to the article", async () => {
    const message = "Le nom commence déjà par «\u00a0Les\u00a0»\u202f: choisissez «\u00a0aucun article\u00a0».";
    const { propose, example } = fakes();
    const les: Designation = { article: "les", gender: "masculine", number: "plural", shortName: "les Jardins" };
    render(Harness, {
      props: { initialName: "Les Jardins partagés", initial: les, propose, example, articleError: message },
    });
    expect(select("Article")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("alert")).toHaveTextContent("Le nom commence déjà par");
    expect(screen.getByLabelText("Nom court")).not.toHaveAttribute("aria-invalid", "true");
  });
});
