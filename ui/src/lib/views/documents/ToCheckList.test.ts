// « À vérifier »: a clause's item takes the focus to its clause; one about the profile or a partner opens that area.
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ClauseView, ToCheckItem } from "$lib/api/bindings";
import ToCheckList from "./ToCheckList.svelte";

const clauses: ClauseView[] = [
  { id: "objet", number: "1", title: "Objet", heading: "Article 1 — Objet", status: { type: "mandatory" }, perParty: false, modelText: "x", text: "x", edited: false },
];

const toCheck: ToCheckItem[] = [
  { message: "Le profil de votre association n’est pas complété.", target: { type: "profile", field: null } },
  {
    message: "Le représentant de «\u00a0Régie de quartier\u00a0» n’est pas renseigné.",
    target: { type: "partner", partnerId: "p2", field: "representativeName" },
  },
  { message: "Dans la clause «\u00a0Objet\u00a0», à compléter.", target: { type: "clause", clauseId: "objet" } },
  { message: "Une remarque sans lieu.", target: null },
];

describe("ToCheckList", () => {
  afterEach(() => cleanup());

  it("links every item to where it is fixed, saying when that is another area", async () => {
    const onGo = vi.fn();
    const navigate = vi.fn();
    render(ToCheckList, { props: { toCheck, blanks: [{ clauseId: "objet", count: 2 }], clauses, onGo, navigate } });
    const links = screen.getAllByTestId("to-check-link");
    expect(links).toHaveLength(4);
    expect(screen.getByRole("heading", { name: /À vérifier/ })).toHaveTextContent("(5)");
    expect(screen.getByText("Une remarque sans lieu.").closest("a")).toBeNull();

    // Five items: folded to « À vérifier (5) » at first; the button unfolds the list.
    const toggle = screen.getByTestId("to-check-toggle");
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(toggle.querySelector("[aria-hidden='true']")).toHaveTextContent("▸");
    await fireEvent.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");

    const profile = screen.getByRole("link", { name: /Le profil de votre association/ });
    expect(profile).toHaveTextContent("(Profil de mon association)");
    expect(profile).toHaveAttribute("data-target-area", "profile");
    await fireEvent.click(profile);
    expect(navigate).toHaveBeenLastCalledWith({ area: "profile", focus: "profile-name" });

    const partner = screen.getByRole("link", { name: /Régie de quartier/ });
    expect(partner).toHaveTextContent("(Partenaires)");
    expect(partner).toHaveAttribute("data-target-record", "p2");
    await fireEvent.click(partner);
    expect(navigate).toHaveBeenLastCalledWith({ area: "partenaires", record: "p2", focus: "partner-representativeName" });

    const clause = screen.getByRole("link", { name: /Dans la clause/ });
    expect(clause).toHaveAttribute("data-target-clause", "objet");
    await fireEvent.click(clause);
    expect(onGo).toHaveBeenCalledWith("objet");
    expect(navigate).toHaveBeenCalledTimes(2);
  });

  it("shows a short list unfolded", () => {
    render(ToCheckList, { props: { toCheck: toCheck.slice(0, 2), blanks: [], clauses, onGo: vi.fn(), navigate: vi.fn() } });
    expect(screen.getByTestId("to-check-toggle")).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByRole("link", { name: /Le profil de votre association/ })).toBeVisible();
  });
});
