// The question before saving a partner that looks like another organisation: both shown side by side with the
// reason, « Enregistrer quand même » and « Annuler » always, « C’est notre association » only when the profile is
// among the lookalikes. Nothing is decided by the dialog itself: it calls back.
import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Lookalike, Organisation } from "$lib/api/bindings";
import LookalikeDialog from "./LookalikeDialog.svelte";

function organisation(name: string, city: string, rna: string, representativeName: string): Organisation {
  return {
    name,
    acronym: null,
    legalForm: "Association loi 1901",
    rna,
    siret: null,
    street: null,
    postalCode: "37110",
    city,
    representativeName,
    representativeRole: "Président",
    email: null,
    phone: null,
  };
}

const typed = organisation("Comité des fêtes de Villedômer", "Villedômer", "W372022222", "Patrick Texier");
const partner: Lookalike = {
  partnerId: "p2",
  ownAssociation: false,
  organisation: organisation("Comité des fêtes", "Villedômer", "W372022222", "Patrick Texier"),
  suspicion: { reason: "sameRna", label: "même numéro RNA" },
};
const profile: Lookalike = {
  partnerId: null,
  ownAssociation: true,
  organisation: organisation("Comité des fêtes", "Saunay", "W372011111", "Gisèle Royer"),
  suspicion: { reason: "sameNameAndCity", label: "même nom et même commune" },
};

describe("LookalikeDialog", () => {
  afterEach(cleanup);

  it("shows both organisations side by side with the reason, and saves anyway on request", async () => {
    const onSaveAnyway = vi.fn();
    const onOwn = vi.fn();
    render(LookalikeDialog, { open: true, typed, lookalikes: [partner], onSaveAnyway, onOwn });

    const pair = screen.getByTestId("lookalike-pair");
    expect(within(pair).getByTestId("lookalike-reason").textContent).toBe("Motif\u00a0: même numéro RNA");
    const rna = within(pair).getByRole("row", { name: /RNA/ });
    expect(rna).toHaveTextContent("W372022222");
    const names = within(pair).getByRole("row", { name: /Nom/ });
    expect(names).toHaveTextContent("Comité des fêtes de Villedômer");
    expect(names).toHaveTextContent("Comité des fêtes");
    expect(within(pair).getByRole("row", { name: /Représentant/ })).toHaveTextContent("Patrick Texier, Président");
    expect(within(pair).getByRole("columnheader", { name: "Partenaire déjà enregistré" })).toBeInTheDocument();
    // The profile is not among them: the link is not offered.
    expect(screen.queryByTestId("lookalike-own")).toBeNull();

    await fireEvent.click(screen.getByTestId("lookalike-save-anyway"));
    expect(onSaveAnyway).toHaveBeenCalledOnce();
    expect(onOwn).not.toHaveBeenCalled();
  });

  it("offers « C’est notre association » when the profile is among the lookalikes", async () => {
    const onSaveAnyway = vi.fn();
    const onOwn = vi.fn();
    render(LookalikeDialog, { open: true, typed, lookalikes: [profile, partner], onSaveAnyway, onOwn });

    expect(screen.getAllByTestId("lookalike-pair")).toHaveLength(2);
    expect(screen.getByRole("columnheader", { name: "Votre association (profil)" })).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId("lookalike-own"));
    expect(onOwn).toHaveBeenCalledOnce();
    expect(onSaveAnyway).not.toHaveBeenCalled();
  });

  it("« Annuler » saves nothing", async () => {
    const onSaveAnyway = vi.fn();
    const onOwn = vi.fn();
    render(LookalikeDialog, { open: true, typed, lookalikes: [profile], onSaveAnyway, onOwn });
    await fireEvent.click(screen.getByTestId("lookalike-cancel"));
    await vi.waitFor(() => expect(screen.queryByTestId("lookalike-dialog")).toBeNull());
    expect(onSaveAnyway).not.toHaveBeenCalled();
    expect(onOwn).not.toHaveBeenCalled();
  });
});
