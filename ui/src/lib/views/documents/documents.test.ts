import { describe, expect, it, vi } from "vitest";
import { ApiError } from "$lib/api/client";
import { staleOnRefusal, statusActionLabel } from "./documents";

describe("refusals", () => {
  it("reads the document again only when the vault says it moved on", () => {
    const onStale = vi.fn();
    const handle = staleOnRefusal(onStale);
    handle(new ApiError("io", "Le disque est plein."));
    expect(onStale).not.toHaveBeenCalled();
    handle(new ApiError("precondition", "Une version ne revient pas en arrière."));
    expect(onStale).toHaveBeenCalledOnce();
  });
});

describe("status buttons", () => {
  it("name the step they take", () => {
    expect(statusActionLabel("in_review")).toBe("Passer en relecture");
    expect(statusActionLabel("ready_to_sign")).toBe("Marquer prêt à signer");
    expect(statusActionLabel("signed")).toBe("Marquer signé");
  });
});
