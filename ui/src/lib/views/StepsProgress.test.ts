// The sidebar's five steps (jsdom, mocked IPC): the statuses in words, the tooltip on focus with what is missing,
// Escape, and a fresh read after an action changed the vault.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StepProgress } from "$lib/api/bindings";
import { Action } from "$lib/state/action.svelte";
import StepsProgress from "./StepsProgress.svelte";

const TITLES = [
  "Réaliser le diagnostic interne",
  "Formaliser le projet",
  "Choisir les bons partenaires",
  "Formaliser contractuellement",
  "Créer les conditions de la collaboration",
];
const IDS = ["diagnostic", "project", "partners", "contract", "collaboration"] as const;

function steps(first: "not_started" | "in_progress" | "done"): StepProgress[] {
  const label = { not_started: "Pas commencée", in_progress: "En cours", done: "Terminée" };
  return IDS.map((step, index) => {
    const status = index === 0 ? first : "not_started";
    return {
      step,
      number: index + 1,
      title: TITLES[index] ?? "",
      status,
      statusLabel: label[status],
      missing: status === "done" ? [] : ["Ajoutez au moins une menace.", "Ajoutez au moins une force."],
    };
  });
}

describe("StepsProgress", () => {
  let first: "not_started" | "in_progress" | "done";
  let reads: string[];

  beforeEach(() => {
    first = "not_started";
    reads = [];
    mockIPC((cmd, args) => {
      if (cmd === "alliance_progress") {
        reads.push((args as { allianceId: string }).allianceId);
        return steps(first);
      }
      return null;
    });
  });

  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it("shows the five steps with their status in words and an accessible name", async () => {
    render(StepsProgress, { props: { allianceId: "a1", areaId: "alliance" } });
    const button = await screen.findByRole("button", {
      name: "1. Réaliser le diagnostic interne, Pas commencée",
    });
    expect(button).toBeInTheDocument();
    expect(screen.getAllByRole("listitem").filter((li) => li.dataset.testid?.startsWith("step-"))).toHaveLength(5);
    expect(screen.getByTestId("step-diagnostic")).toHaveAttribute("data-status", "not_started");
    expect(screen.getByTestId("step-diagnostic")).toHaveTextContent("Pas commencée");
    expect(screen.getByRole("heading", { name: "Construire une alliance" })).toBeInTheDocument();
  });

  it("shows what is missing when a step is focused, and hides it on Escape", async () => {
    render(StepsProgress, { props: { allianceId: "a1", areaId: "alliance" } });
    const button = await screen.findByRole("button", { name: /^1\. Réaliser/ });
    const tip = screen.getByTestId("step-tip-diagnostic");
    expect(tip).not.toBeVisible();
    // The description is there for assistive technologies even before it shows.
    expect(button).toHaveAccessibleDescription(/Ajoutez au moins une menace\./);

    await fireEvent.focus(button);
    await waitFor(() => expect(tip).toBeVisible());
    expect(screen.getByRole("tooltip")).toHaveTextContent("Ce qui manque");

    await fireEvent.keyDown(button, { key: "Escape" });
    await waitFor(() => expect(tip).not.toBeVisible());
  });

  it("shows the tooltip while the pointer is on the step, and keeps it once clicked", async () => {
    render(StepsProgress, { props: { allianceId: "a1", areaId: "alliance" } });
    const button = await screen.findByRole("button", { name: /^2\. Formaliser le projet/ });
    const item = screen.getByTestId("step-project");
    const tip = screen.getByTestId("step-tip-project");

    await fireEvent.mouseEnter(item);
    await waitFor(() => expect(tip).toBeVisible());
    await fireEvent.mouseLeave(item);
    // Not at once: the pointer may be crossing the gap to the tooltip.
    expect(tip).toBeVisible();
    await waitFor(() => expect(tip).not.toBeVisible());

    await fireEvent.mouseEnter(item);
    await fireEvent.click(button);
    await fireEvent.mouseLeave(item);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tip).toBeVisible();
    await fireEvent.click(button);
    await waitFor(() => expect(tip).not.toBeVisible());
  });

  it("reads the steps again after an action changed the vault, and for another alliance", async () => {
    const view = render(StepsProgress, { props: { allianceId: "a1", areaId: "diagnostic" } });
    await screen.findByRole("button", { name: /^1\..*Pas commencée/ });

    first = "in_progress";
    await new Action().run(async () => {});
    await waitFor(
      () => expect(screen.getByTestId("step-diagnostic")).toHaveAttribute("data-status", "in_progress"),
      { timeout: 2000 },
    );
    expect(screen.getByRole("button", { name: /^1\..*En cours/ })).toBeInTheDocument();

    await view.rerender({ allianceId: "a2", areaId: "diagnostic" });
    await waitFor(() => expect(reads.at(-1)).toBe("a2"));

    // The alliance's record replaced (a re-import): read again.
    const before = reads.length;
    await view.rerender({ allianceId: "a2", areaId: "diagnostic", version: "2026-12-01T10:00:00Z|3" });
    await waitFor(() => expect(reads.length).toBe(before + 1));
  });
});
