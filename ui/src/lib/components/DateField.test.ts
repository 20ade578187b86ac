import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { toCalendarDate } from "./DateField.svelte";
import DateFieldHarness from "./test/DateFieldHarness.svelte";

const segment = (part: "day" | "month" | "year") => screen.getByTestId(`signature-date-${part}`);

async function type(element: HTMLElement, digits: string) {
  for (const key of digits) await fireEvent.keyDown(element, { key, code: `Digit${key}` });
}

describe("DateField", () => {
  it("starts empty, in French order, with French names for screen readers", () => {
    render(DateFieldHarness);
    const group = screen.getByTestId("signature-date");
    expect(group).toHaveAttribute("role", "group");
    expect(group).toHaveAccessibleName("Date de signature");
    // Day, month, year: the French order whatever the system's language, with French placeholders.
    const parts = Array.from(group.querySelectorAll("[data-segment]"))
      .map((element) => element.getAttribute("data-segment"))
      .filter((part) => part !== "literal" && part !== "trigger");
    expect(parts).toEqual(["day", "month", "year"]);
    expect(segment("day")).toHaveTextContent("jj");
    expect(segment("month")).toHaveTextContent("mm");
    expect(segment("year")).toHaveTextContent("aaaa");
    expect(segment("day")).toHaveAttribute("aria-valuetext", "vide");
    expect(segment("day")).toHaveAccessibleName("jour Date de signature");
    expect(segment("year")).toHaveAccessibleName("année Date de signature");
    expect(screen.getByTestId("signature-date-calendar")).toHaveAccessibleName("Date de signature\u00a0: ouvrir le calendrier");
    expect(screen.getByTestId("bound")).toHaveTextContent("null");
  });

  it("shows an ISO value as day / month / year", () => {
    render(DateFieldHarness, { value: "2026-03-15" });
    expect(segment("day")).toHaveTextContent("15");
    expect(segment("month")).toHaveTextContent("03");
    expect(segment("year")).toHaveTextContent("2026");
    expect(segment("month")).toHaveAttribute("aria-valuetext", "03");
  });

  it("takes a date typed with the keyboard and gives it back as YYYY-MM-DD", async () => {
    render(DateFieldHarness);
    segment("day").focus();
    await type(segment("day"), "15");
    await waitFor(() => expect(segment("month")).toHaveFocus());
    await type(segment("month"), "03");
    await waitFor(() => expect(segment("year")).toHaveFocus());
    await type(segment("year"), "2026");
    await waitFor(() => expect(screen.getByTestId("bound")).toHaveTextContent("2026-03-15"));
  });

  it("gives back null when the date is erased", async () => {
    render(DateFieldHarness, { value: "2026-03-15" });
    segment("year").focus();
    for (let i = 0; i < 4; i++) await fireEvent.keyDown(segment("year"), { key: "Backspace", code: "Backspace" });
    await waitFor(() => expect(screen.getByTestId("bound")).toHaveTextContent("null"));
  });

  it("says a half-typed date is incomplete when the focus leaves it", async () => {
    render(DateFieldHarness);
    segment("day").focus();
    await type(segment("day"), "15");
    await fireEvent.focusOut(screen.getByTestId("signature-date"), { relatedTarget: screen.getByRole("button", { name: "Ailleurs" }) });
    const message = await screen.findByTestId("error-signedOn");
    expect(message.textContent).toBe("Date incomplète\u202f: indiquez le jour, le mois et l’année.");
    expect(segment("day")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("bound")).toHaveTextContent("null");
  });

  it("says a half-typed date rather than the vault's older error about the last save", async () => {
    render(DateFieldHarness, { error: "Cette date de signature semble erronée\u00a0: vérifiez l’année." });
    segment("month").focus();
    await type(segment("month"), "02");
    await fireEvent.focusOut(screen.getByTestId("signature-date"), { relatedTarget: null });
    expect((await screen.findByTestId("error-signedOn")).textContent).toMatch(/^Date incomplète/);
    expect(screen.getAllByRole("alert")).toHaveLength(1);
  });

  it("shows the vault's error next to it, linked to every segment", () => {
    render(DateFieldHarness, { error: "Indiquez la date de signature.", hint: "Le jour où la partie a signé." });
    const error = screen.getByTestId("error-signedOn");
    expect(error).toHaveAttribute("role", "alert");
    expect(error).toHaveTextContent("Indiquez la date de signature.");
    expect(segment("day")).toHaveAttribute("aria-invalid", "true");
    expect(segment("day").getAttribute("aria-describedby")?.split(" ")).toEqual(["signed-on-hint", "signed-on-error"]);
    expect(screen.getByTestId("signature-date")).toHaveAttribute("aria-invalid", "true");
  });

  it("opens a French calendar from Monday, whose days give the date", async () => {
    render(DateFieldHarness, { value: "2026-03-15" });
    await fireEvent.click(screen.getByRole("button", { name: "Date de signature\u00a0: ouvrir le calendrier" }));
    await waitFor(() => expect(screen.getByRole("grid")).toBeInTheDocument());
    const weekdays = Array.from(screen.getByRole("grid").querySelectorAll("th")).map((cell) => cell.textContent?.trim());
    expect(weekdays).toEqual(["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]);
    expect(screen.getByRole("button", { name: "Mois précédent" })).toBeInTheDocument();
    await fireEvent.click(screen.getByRole("button", { name: "vendredi 20 mars 2026" }));
    await waitFor(() => expect(screen.getByTestId("bound")).toHaveTextContent("2026-03-20"));
  });

  it("refuses an impossible date at the field, keeps what was typed and gives back null", async () => {
    render(DateFieldHarness);
    segment("day").focus();
    await type(segment("day"), "31");
    await waitFor(() => expect(segment("month")).toHaveFocus());
    await type(segment("month"), "02");
    await waitFor(() => expect(segment("year")).toHaveFocus());
    await type(segment("year"), "2026");
    const message = await screen.findByTestId("error-signedOn");
    expect(message.textContent).toBe("Cette date n’existe pas\u202f: vérifiez le jour et le mois.");
    expect(segment("day")).toHaveTextContent("31");
    expect(segment("day")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("bound")).toHaveTextContent("null");
  });

  it("refuses a day 00 and a month 13 rather than turning them into 01/03", async () => {
    render(DateFieldHarness);
    segment("day").focus();
    await type(segment("day"), "00");
    segment("month").focus();
    await type(segment("month"), "13");
    segment("year").focus();
    await type(segment("year"), "2026");
    expect((await screen.findByTestId("error-signedOn")).textContent).toMatch(/^Cette date n’existe pas/);
    expect(screen.getByTestId("bound")).toHaveTextContent("null");
  });

  it("offers « Effacer » when the field holds a date, which empties it to null", async () => {
    render(DateFieldHarness, { value: "2026-03-15" });
    const clear = screen.getByRole("button", { name: "Effacer la date de signature" });
    expect(clear).toHaveTextContent("Effacer");
    await fireEvent.click(clear);
    await waitFor(() => expect(screen.getByTestId("bound")).toHaveTextContent("null"));
    expect(segment("day")).toHaveTextContent("jj");
    expect(segment("year")).toHaveTextContent("aaaa");
    expect(screen.queryByRole("button", { name: "Effacer la date de signature" })).toBeNull();
  });

  it("gives back null, not year 0202, when only part of the year is erased", async () => {
    render(DateFieldHarness, { value: "2026-03-15" });
    segment("year").focus();
    await fireEvent.keyDown(segment("year"), { key: "Backspace", code: "Backspace" });
    await waitFor(() => expect(screen.getByTestId("bound")).toHaveTextContent("null"));
    await fireEvent.focusOut(screen.getByTestId("signature-date"), { relatedTarget: null });
    expect(screen.getByTestId("bound")).toHaveTextContent("null");
    expect((await screen.findByTestId("error-signedOn")).textContent).toMatch(/^Date incomplète/);
  });

  it("opens the calendar on this month, not on year 202, when the year is partly erased", async () => {
    render(DateFieldHarness, { value: "2026-03-15" });
    segment("year").focus();
    await fireEvent.keyDown(segment("year"), { key: "Backspace", code: "Backspace" });
    await fireEvent.click(screen.getByRole("button", { name: "Date de signature\u00a0: ouvrir le calendrier" }));
    await waitFor(() => expect(screen.getByRole("grid")).toBeInTheDocument());
    const now = new Date();
    const expected = new Intl.DateTimeFormat("fr", { month: "long", year: "numeric" }).format(now);
    expect(document.querySelector(".date-calendar-heading")?.textContent?.trim()).toBe(expected);
  });

  it("empties the whole date with Ctrl+A then Backspace, and a segment with Delete", async () => {
    render(DateFieldHarness, { value: "2026-03-15" });
    segment("month").focus();
    await fireEvent.keyDown(segment("month"), { key: "Delete", code: "Delete" });
    await waitFor(() => expect(segment("month")).toHaveTextContent("mm"));
    expect(segment("day")).toHaveTextContent("15");
    expect(screen.getByTestId("bound")).toHaveTextContent("null");
    await fireEvent.keyDown(segment("month"), { key: "a", code: "KeyA", ctrlKey: true });
    await fireEvent.keyDown(segment("month"), { key: "Backspace", code: "Backspace" });
    await waitFor(() => expect(segment("day")).toHaveTextContent("jj"));
    expect(segment("year")).toHaveTextContent("aaaa");
    expect(screen.getByTestId("bound")).toHaveTextContent("null");
  });

  it("stays on an emptied year when Backspace is pressed again, leaving the month as it was", async () => {
    render(DateFieldHarness, { value: "2026-03-15" });
    segment("year").focus();
    for (let i = 0; i < 6; i++) await fireEvent.keyDown(segment("year"), { key: "Backspace", code: "Backspace" });
    await waitFor(() => expect(segment("year")).toHaveTextContent("aaaa"));
    expect(segment("year")).toHaveFocus();
    expect(segment("month")).toHaveTextContent("03");
    expect(screen.getByTestId("bound")).toHaveTextContent("null");
  });

  it("reads only real dates", () => {
    expect(toCalendarDate("2026-03-15")?.toString()).toBe("2026-03-15");
    expect(toCalendarDate("2024-02-29")?.toString()).toBe("2024-02-29");
    for (const bad of [null, undefined, "", "2026-02-30", "2026-13-01", "15/03/2026", "2026-3-15"]) {
      expect(toCalendarDate(bad)).toBeUndefined();
    }
  });
});
