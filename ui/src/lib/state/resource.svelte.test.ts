import { describe, expect, it } from "vitest";
import { ApiError } from "$lib/api/client";
import { Resource } from "./resource.svelte";

describe("Resource", () => {
  it("is loading, then loaded with its value, and tells onLoaded", async () => {
    let release: (value: string[]) => void = () => undefined;
    const seen: string[][] = [];
    const resource = new Resource(
      () => new Promise<string[]>((resolve) => (release = resolve)),
      (value) => seen.push(value),
    );
    expect(resource.loaded).toBe(false);
    const loading = resource.load();
    expect(resource.loading).toBe(true);
    expect(resource.loaded).toBe(false);
    release(["Épicerie solidaire"]);
    await loading;
    expect(resource.loading).toBe(false);
    expect(resource.loaded).toBe(true);
    expect(resource.value).toEqual(["Épicerie solidaire"]);
    expect(seen).toEqual([["Épicerie solidaire"]]);
  });

  it("keeps the error of a failed load, and what it had, until a retry succeeds", async () => {
    let fail = false;
    const resource = new Resource(async () => {
      if (fail) throw new ApiError("storage", "Le coffre n’a pas pu être lu.");
      return 3;
    });
    await resource.load();
    fail = true;
    await resource.load();
    expect(resource.loaded).toBe(true);
    expect(resource.error).toBe("Le coffre n’a pas pu être lu.");
    expect(resource.value).toBe(3);
    fail = false;
    await resource.load();
    expect(resource.error).toBeNull();
  });

  it("can be edited after a save, without a reload", async () => {
    const resource = new Resource(async () => ["a"]);
    await resource.load();
    resource.value = [...(resource.value ?? []), "b"];
    expect(resource.value).toEqual(["a", "b"]);
  });
});
