// The actor panel's register sections (jsdom, the vault's register commands mocked): the status offers only the
// moves the vault allows and asks for the reason of a dismissal; « Promouvoir en partenaire » is offered to a
// shortlisted actor with its role; the vault's refusal is shown as it comes; the « Échanges » log adds, edits and
// deletes dated entries with their friction points; an interaction is added and deleted after confirmation.
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "$lib/api/client";
import { catalogContext } from "$lib/catalog";
import type { ExchangeEntry, Interaction, RegisterActor } from "./api";
import { CATALOG } from "./fixture";

const api = vi.hoisted(() => ({
  moveActor: vi.fn(),
  promoteActor: vi.fn(),
  exchanges: vi.fn(),
  addExchange: vi.fn(),
  updateExchange: vi.fn(),
  deleteExchange: vi.fn(),
  addInteraction: vi.fn(),
  deleteInteraction: vi.fn(),
  actors: vi.fn(),
  interactions: vi.fn(),
}));
vi.mock("./api", () => ({ registerApi: api }));

const { default: ActorStatus } = await import("./ActorStatus.svelte");
const { default: ExchangeLog } = await import("./ExchangeLog.svelte");
const { default: ActorLinks } = await import("./ActorLinks.svelte");
const { RegisterState } = await import("./registerState.svelte");

function item(id: string, name: string, status: "retained" | "in_discussion" | "engaged", allowedMoves: RegisterActor["allowedMoves"]): RegisterActor {
  return {
    actor: {
      id,
      allianceId: "a1",
      createdAt: "",
      updatedAt: "",
      draft: { organisation: { name }, actorType: "association", role: "member", pipeline: { status } },
    } as unknown as RegisterActor["actor"],
    quadrant: null,
    allowedMoves,
    isPartner: status === "engaged",
    canPromote: status !== "engaged",
  };
}

const context = catalogContext(CATALOG);
const options = (id: string) => Array.from((screen.getByTestId(id) as HTMLSelectElement).options).map((o) => o.textContent?.trim());

afterEach(() => {
  cleanup();
  vi.resetAllMocks();
});

describe("the actor's status", () => {
  it("offers the current status and the allowed moves only, and promotes a shortlisted actor with its role", async () => {
    const onChanged = vi.fn();
    const retained = item("x", "Mission locale", "retained", ["in_discussion", "engaged", "dismissed"]);
    api.promoteActor.mockResolvedValue(item("x", "Mission locale", "engaged", ["retained", "dismissed"]));
    render(ActorStatus, { props: { item: retained, onChanged }, context });
    expect(options("actor-status-select")).toEqual(["En discussion", "Retenu", "Engagé", "Écarté"]);
    await fireEvent.change(screen.getByTestId("actor-promote-role"), { target: { value: "lead" } });
    await fireEvent.click(screen.getByTestId("actor-promote"));
    expect(api.promoteActor).toHaveBeenCalledWith("x", "lead");
    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect(onChanged.mock.calls[0]?.[1]).toBe("Mission locale est maintenant partenaire (Chef de file).");
  });

  it("asks the reason of a dismissal and shows the vault's refusal as it comes", async () => {
    const discussing = item("y", "Régie", "in_discussion", ["contacted", "retained", "engaged", "dismissed"]);
    render(ActorStatus, { props: { item: { ...discussing, canPromote: false }, onChanged: vi.fn() }, context });
    expect(screen.queryByTestId("actor-promote-form")).toBeNull();
    await fireEvent.change(screen.getByTestId("actor-status-select"), { target: { value: "dismissed" } });
    const reason = screen.getByTestId("actor-dismissal-reason");
    await fireEvent.input(reason, { target: { value: "Calendrier incompatible" } });
    const refusal = "«\u00a0Régie\u00a0» est partie au contrat «\u00a0Convention 2027\u00a0» (version 2, signée)\u00a0: cet acteur ne peut pas être supprimé\u00a0; un contrat signé garde ses parties.";
    api.moveActor.mockRejectedValue(new ApiError("precondition", refusal));
    await fireEvent.click(screen.getByTestId("actor-status-save"));
    expect(api.moveActor).toHaveBeenCalledWith("y", "dismissed", "Calendrier incompatible");
    expect((await screen.findByTestId("actor-status-error")).textContent).toBe(refusal);
  });
});

describe("the « Échanges » log", () => {
  const entry = (id: string, date: string, frictionPoints: string[] = []): ExchangeEntry => ({
    id,
    allianceId: "a1",
    actorId: "x",
    createdAt: `${date}T10:00:00Z`,
    updatedAt: "",
    draft: { date, kind: "meeting", notes: "Premier rendez-vous", frictionPoints },
  });

  it("lists entries newest first with their friction points, adds, edits and deletes after confirmation", async () => {
    api.exchanges.mockResolvedValue([entry("1", "2026-10-02"), entry("2", "2026-11-12", ["Calendrier"])]);
    render(ExchangeLog, { props: { actorId: "x", actorName: "Mission locale" }, context });
    const entries = await screen.findAllByTestId("actor-log-entry");
    expect(entries.map((e) => within(e).getByRole("heading").textContent)).toEqual(["Rencontre du 12 novembre 2026", "Rencontre du 2 octobre 2026"]);
    expect(within(entries[0] as HTMLElement).getByTestId("actor-log-frictions-list").textContent).toContain("Calendrier");

    // Added: kind, notes and one friction point per line.
    api.addExchange.mockImplementation(async (_actor: string, draft: ExchangeEntry["draft"]) => ({ ...entry("3", draft.date), draft }));
    await fireEvent.click(screen.getByTestId("actor-log-add"));
    await fireEvent.change(screen.getByTestId("actor-log-kind"), { target: { value: "call" } });
    await fireEvent.input(screen.getByTestId("actor-log-frictions"), { target: { value: "Locaux\n\n Horaires " } });
    await fireEvent.click(screen.getByTestId("actor-log-save"));
    expect(api.addExchange).toHaveBeenCalledOnce();
    const [, sent] = api.addExchange.mock.calls[0] as [string, ExchangeEntry["draft"]];
    expect(sent.kind).toBe("call");
    expect(sent.frictionPoints).toEqual(["Locaux", "Horaires"]);
    expect(sent.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await waitFor(() => expect(screen.getAllByTestId("actor-log-entry")).toHaveLength(3));
    expect(screen.getByTestId("actor-log-done").textContent).toBe("Échange ajouté.");

    // Edited: the form opens with the entry.
    api.updateExchange.mockImplementation(async (id: string, draft: ExchangeEntry["draft"]) => ({ ...entry(id, draft.date), draft }));
    const olderEdit = screen.getAllByTestId("actor-log-edit").at(-1);
    if (olderEdit === undefined) throw new Error("no edit button");
    await fireEvent.click(olderEdit);
    expect((screen.getByTestId("actor-log-notes") as HTMLTextAreaElement).value).toBe("Premier rendez-vous");
    await fireEvent.input(screen.getByTestId("actor-log-notes"), { target: { value: "Rendez-vous avec la directrice" } });
    await fireEvent.click(screen.getByTestId("actor-log-save"));
    expect(api.updateExchange).toHaveBeenCalledWith("1", expect.objectContaining({ notes: "Rendez-vous avec la directrice", date: "2026-10-02" }));
    await waitFor(() => expect(screen.getByTestId("actor-log-done").textContent).toBe("Échange modifié."));

    // Deleted after confirmation.
    api.deleteExchange.mockResolvedValue(undefined);
    const olderDelete = screen.getAllByTestId("actor-log-delete").at(-1);
    if (olderDelete === undefined) throw new Error("no delete button");
    await fireEvent.click(olderDelete);
    expect(api.deleteExchange).not.toHaveBeenCalled();
    await fireEvent.click(await screen.findByTestId("confirm-delete"));
    expect(api.deleteExchange).toHaveBeenCalledWith("1");
    await waitFor(() => expect(screen.getAllByTestId("actor-log-entry")).toHaveLength(2));
  });
});

describe("an actor's interactions", () => {
  it("adds a typed link to another actor and deletes it after confirmation", async () => {
    const register = new RegisterState("a1");
    register.actors.value = [item("x", "Mission locale", "retained", []), item("y", "Régie", "in_discussion", [])];
    register.interactions.value = [];
    const link: Interaction = { id: "l1", allianceId: "a1", createdAt: "", updatedAt: "", draft: { fromActorId: "x", toActorId: "y", kind: "finances", note: "Subvention" } };
    api.addInteraction.mockResolvedValue(link);
    api.deleteInteraction.mockResolvedValue(undefined);
    render(ActorLinks, { props: { actorId: "x", register }, context });
    expect(screen.getByTestId("actor-links-empty")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("actor-link-add"));
    expect(options("actor-link-other")).toEqual(["Choisir un acteur", "Régie"]);
    await fireEvent.change(screen.getByTestId("actor-link-kind"), { target: { value: "finances" } });
    await fireEvent.change(screen.getByTestId("actor-link-other"), { target: { value: "y" } });
    await fireEvent.input(screen.getByTestId("actor-link-note"), { target: { value: "Subvention" } });
    await fireEvent.click(screen.getByTestId("actor-link-save"));
    expect(api.addInteraction).toHaveBeenCalledWith("a1", { fromActorId: "x", toActorId: "y", kind: "finances", note: "Subvention" });
    expect((await screen.findByTestId("actor-link")).textContent).toContain("Finance «\u202fRégie\u202f»");
    expect(register.links).toHaveLength(1);

    await fireEvent.click(screen.getByTestId("actor-link-delete"));
    await fireEvent.click(await screen.findByTestId("confirm-delete"));
    expect(api.deleteInteraction).toHaveBeenCalledWith("l1");
    await waitFor(() => expect(screen.queryByTestId("actor-link")).toBeNull());
    expect(register.links).toHaveLength(0);
  });
});
