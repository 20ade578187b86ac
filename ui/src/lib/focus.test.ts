import { afterEach, describe, expect, it } from "vitest";
import { findAgain, focusLost, keepFocus, restoreFocus } from "./focus";

function button(testid: string, text = testid): HTMLButtonElement {
  const element = document.createElement("button");
  element.type = "button";
  element.dataset["testid"] = testid;
  element.textContent = text;
  document.body.append(element);
  return element;
}

describe("focus", () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it("knows focus is lost when it is on the page or on a removed element", () => {
    const opener = button("opener");
    opener.focus();
    expect(focusLost()).toBe(false);
    opener.remove();
    expect(focusLost()).toBe(true);
  });

  it("finds a re-rendered control again by its data-testid, else by its id", () => {
    const first = button("partner-save");
    first.remove();
    const second = button("partner-save");
    expect(findAgain(first)).toBe(second);

    const withId = document.createElement("main");
    withId.id = "main-content";
    const copy = withId.cloneNode() as HTMLElement;
    document.body.append(copy);
    expect(findAgain(withId)).toBe(copy);
    expect(findAgain(null)).toBeNull();
  });

  it("gives focus to the first target still there when focus was lost, and leaves it alone otherwise", async () => {
    const opener = button("partner-delete");
    const list = document.createElement("table");
    list.tabIndex = -1;
    document.body.append(list);
    opener.focus();
    opener.remove();
    expect(await restoreFocus(opener, () => list)).toBe(list);
    expect(document.activeElement).toBe(list);

    // The person moved on meanwhile: nothing is taken from them.
    const elsewhere = button("elsewhere");
    elsewhere.focus();
    expect(await restoreFocus(list)).toBeNull();
    expect(document.activeElement).toBe(elsewhere);
  });

  it("skips targets that cannot take focus", async () => {
    const disabled = button("disabled");
    disabled.disabled = true;
    const fallback = button("fallback");
    expect(await restoreFocus(disabled, fallback)).toBe(fallback);
  });

  it("keeps focus on the control that started a task even when the task re-renders it", async () => {
    const load = button("load-demo");
    load.focus();
    const content = document.createElement("main");
    content.tabIndex = -1;
    document.body.append(content);
    await keepFocus(async () => {
      // Svelte replaces the button while the example loads.
      load.remove();
      button("load-demo", "Charger l’exemple");
    }, content);
    expect(document.activeElement).not.toBe(load);
    expect(document.activeElement).toHaveAttribute("data-testid", "load-demo");

    // The button that started it is gone for good: the fallback.
    const empty = button("empty-load-demo");
    empty.focus();
    await keepFocus(async () => empty.remove(), content);
    expect(document.activeElement).toBe(content);
  });
});
