import { describe, expect, it } from "vitest";
import type { Choice, DocumentStatus } from "./api/bindings";
import { helpOf, labelOf } from "./catalog";

const statuses: Choice<DocumentStatus>[] = [
  { value: "draft", label: "Brouillon", help: null },
  { value: "ready_to_sign", label: "Prêt à signer", help: "Les parties peuvent signer." },
];

describe("catalog lists", () => {
  it("give the French label and help of a value", () => {
    expect(labelOf(statuses, "ready_to_sign")).toBe("Prêt à signer");
    expect(helpOf(statuses, "ready_to_sign")).toBe("Les parties peuvent signer.");
    expect(helpOf(statuses, "draft")).toBeNull();
  });

  it("fall back to the value itself when a list does not know it", () => {
    expect(labelOf(statuses, "signed")).toBe("signed");
    expect(helpOf(statuses, "signed")).toBeNull();
  });
});
