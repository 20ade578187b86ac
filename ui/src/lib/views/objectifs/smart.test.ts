// The SMART panel's scheduler: one check after the person stops typing, and only the latest answer shown.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { latestDebounced, smartLabel } from "./smart";

describe("latestDebounced", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("asks once, 300 ms after the last change", async () => {
    const task = vi.fn(async () => "vérifié");
    const applied: string[] = [];
    const checker = latestDebounced(task, (v) => applied.push(v));
    checker.schedule();
    await vi.advanceTimersByTimeAsync(200);
    checker.schedule();
    await vi.advanceTimersByTimeAsync(200);
    expect(task).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(150);
    expect(task).toHaveBeenCalledTimes(1);
    expect(applied).toEqual(["vérifié"]);
  });

  it("drops an answer that arrives after a newer change", async () => {
    let release: (value: string) => void = () => undefined;
    const answers = ["ancienne", "récente"];
    const task = vi.fn(() => {
      const answer = answers.shift() ?? "";
      return answer === "ancienne" ? new Promise<string>((resolve) => (release = resolve)) : Promise.resolve(answer);
    });
    const applied: string[] = [];
    const checker = latestDebounced(task, (v) => applied.push(v), 100);
    checker.schedule();
    await vi.advanceTimersByTimeAsync(100);
    checker.schedule();
    await vi.advanceTimersByTimeAsync(100);
    release("ancienne");
    await vi.advanceTimersByTimeAsync(0);
    expect(applied).toEqual(["récente"]);
  });

  it("says when the check failed, and nothing after cancel", async () => {
    const fail = vi.fn();
    const checker = latestDebounced(() => Promise.reject(new Error("x")), () => undefined, 50, fail);
    checker.schedule();
    await vi.advanceTimersByTimeAsync(50);
    expect(fail).toHaveBeenCalledTimes(1);
    checker.schedule();
    checker.cancel();
    await vi.advanceTimersByTimeAsync(100);
    expect(fail).toHaveBeenCalledTimes(1);
  });
});

describe("smartLabel", () => {
  it("reads the label from the catalog's list", () => {
    expect(smartLabel([{ value: "time_bound", label: "Temporellement défini", help: null }], "time_bound")).toBe("Temporellement défini");
  });
});
