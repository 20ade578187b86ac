import { afterEach, describe, expect, it } from "vitest";
import { announce, clearAnnouncement, onAnnouncement, viewTitle } from "./announce";

describe("announce", () => {
  afterEach(() => clearAnnouncement());

  it("titles a view by its area, then its alliance", () => {
    expect(viewTitle("Partenaires", "Service partagé du Val de Brenne")).toBe(
      "Partenaires — Service partagé du Val de Brenne",
    );
    // An area of the whole app, or no alliance open: the label alone.
    expect(viewTitle("Paramètres", null)).toBe("Paramètres");
    expect(viewTitle("Alliance", "   ")).toBe("Alliance");
  });

  it("tells every listener, the last message at once to a late one, and stops when asked", () => {
    const heard: string[] = [];
    const stop = onAnnouncement((message) => heard.push(message));
    announce("Partenaires — Alliance X");
    announce("Partenaires — Alliance X");
    expect(heard).toEqual(["Partenaires — Alliance X", "Partenaires — Alliance X"]);

    const late: string[] = [];
    const stopLate = onAnnouncement((message) => late.push(message));
    expect(late).toEqual(["Partenaires — Alliance X"]);

    stop();
    announce("Paramètres");
    expect(heard).toHaveLength(2);
    expect(late).toEqual(["Partenaires — Alliance X", "Paramètres"]);
    stopLate();
  });
});
