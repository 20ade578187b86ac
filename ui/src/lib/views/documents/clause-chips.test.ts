// The clause editor's model on the real model texts of the three documents (`clause-models.json`, written by
// crates/allia-docs/tests/clause_fields.rs): parsing then serialising gives back every text unchanged, no template
// tag is left in what a person reads, and chips move and insert without ever being cut.
import { describe, expect, it } from "vitest";
import { EditorState, NodeSelection, TextSelection } from "prosemirror-state";
import models from "./clause-models.json";
import {
  BLANK_CHOICE,
  FIELD_LABELS,
  clauseSchema,
  displayText,
  fieldChip,
  fromDoc,
  insertChip,
  insertableFields,
  moveChip,
  parse,
  serialize,
  toDoc,
  tokenize,
} from "./clause-chips";

const all = Object.entries(models.models).flatMap(([doc, clauses]) =>
  clauses.map(([id, text]) => ({ doc, id: id as string, text: text as string })),
);

describe("the real model texts", () => {
  it("has the three documents and their clauses", () => {
    expect(Object.keys(models.models).sort()).toEqual(["charte", "consortium", "convention"]);
    expect(all.length).toBeGreaterThan(40);
  });

  it.each(all)("$doc / $id: parse → serialize and doc → text give the text back unchanged", ({ text }) => {
    expect(serialize(parse(text))).toBe(text);
    expect(fromDoc(toDoc(text))).toBe(text);
  });

  it.each(all)("$doc / $id: the person reads no template code", ({ text }) => {
    const shown = displayText(text, { titles: { suivi: "Suivi de la charte" } });
    expect(shown).not.toMatch(/\{\{|\}\}|\{%|%\}|\{#/);
    expect(shown).not.toMatch(/\b(alliance|party|lead|governance|review)\.[a-z_]/);
  });
});

describe("chips", () => {
  it("labels fields, blanks and references in French", () => {
    const lines = parse(
      "« {{ alliance.name }} » : {{ alliance.purpose | sentence }} {{ blank(\"la durée\") }}, article {{ ref(\"suivi\") }}.",
      { titles: { suivi: "Suivi de la charte" } },
    );
    expect(lines).toHaveLength(1);
    const chips = (lines[0] ?? []).filter((s) => s.type === "chip");
    expect(chips.map((c) => (c.type === "chip" ? [c.kind, c.label] : null))).toEqual([
      ["field", "Nom de l’alliance"],
      ["field", "Objet"],
      ["blank", "À compléter\u00a0: la durée"],
      ["reference", "Numéro de l’article «\u00a0Suivi de la charte\u00a0»"],
    ]);
    expect(FIELD_LABELS.get("alliance.name")).toBe("Nom de l’alliance");
  });

  it("keeps a whole condition, with its else branch, in one chip described in words", () => {
    const text = "Elle s’applique à compter {% if alliance.start_date %}du {{ alliance.start_date }}{% else %}de sa signature{% endif %} et après.";
    const lines = parse(text);
    expect(lines).toHaveLength(1);
    const [before, chip, after] = lines[0] ?? [];
    expect(before).toEqual({ type: "text", text: "Elle s’applique à compter " });
    expect(after).toEqual({ type: "text", text: " et après." });
    expect(chip).toMatchObject({
      type: "chip",
      kind: "condition",
      source: "{% if alliance.start_date %}du {{ alliance.start_date }}{% else %}de sa signature{% endif %}",
      label: "Si [Date de début] est renseigné\u00a0: du [Date de début] ; sinon\u00a0: de sa signature",
    });
  });

  it("keeps a block that spans lines in one chip on its own line", () => {
    const text = "Avant.\n\n{% if alliance.purpose %}\nLeur projet : {{ alliance.purpose | sentence }}\n\n{% endif %}\nAprès.";
    const lines = parse(text);
    expect(lines.map((l) => l.map((s) => s.type))).toEqual([["text"], [], ["chip"], ["text"]]);
    expect(serialize(lines)).toBe(text);
  });

  it("reads a yes-or-no field as a statement", () => {
    const [chip] = parse("{% if party.is_lead %}Coordonne.{% else %}Contribue.{% endif %}")[0] ?? [];
    expect(chip?.type === "chip" && chip.label).toBe("Si [La partie est chef de file]\u00a0: Coordonne. ; sinon\u00a0: Contribue.");
    const [negated] = parse("{% if not party.is_profile %}Partenaire.{% endif %}")[0] ?? [];
    expect(negated?.type === "chip" && negated.label).toBe("Sauf si [La partie est votre association]\u00a0: Partenaire.");
  });

  it("lists repeated for each party", () => {
    const text = "{% for party in parties %}\n- **{{ party.name }}**, {{ party.identity }}\n{% endfor %}";
    const [chip] = parse(text)[0] ?? [];
    expect(chip).toMatchObject({ kind: "list" });
    expect(chip?.type === "chip" && chip.label).toBe(
      "Pour chaque élément de [Parties]\u00a0: - [Nom de la partie], [Identification de la partie]",
    );
  });

  it("leaves an unclosed tag as text, and a lone statement as a chip", () => {
    expect(tokenize("a {{ alliance.name b")).toEqual([{ type: "text", text: "a {{ alliance.name b" }]);
    const lines = parse("x {% endif %} y");
    expect(lines[0]?.[1]).toMatchObject({ type: "chip", kind: "condition", source: "{% endif %}" });
    expect(serialize(lines)).toBe("x {% endif %} y");
  });

  it("reads `}}` inside a string literal as part of the tag", () => {
    const text = '{{ blank("a }} b") }} fin';
    expect(tokenize(text)[0]).toMatchObject({ type: "tag", source: '{{ blank("a }} b") }}' });
    expect(serialize(parse(text))).toBe(text);
  });
});

describe("editing", () => {
  const text = "Le {{ alliance.name }} réunit ses membres.";

  function selectChip(state: EditorState): EditorState {
    let at = -1;
    state.doc.descendants((node, pos) => {
      if (node.type === clauseSchema.nodes["chip"] && at < 0) at = pos;
    });
    return state.apply(state.tr.setSelection(NodeSelection.create(state.doc, at)));
  }

  function run(state: EditorState, command: ReturnType<typeof moveChip>): EditorState {
    let next = state;
    command(state, (tr) => (next = state.apply(tr)));
    return next;
  }

  it("moves the selected chip a word at a time, the spaces staying in place, and stops at the line's edges", () => {
    let state = selectChip(EditorState.create({ doc: toDoc(text) }));
    state = run(state, moveChip(1));
    expect(fromDoc(state.doc)).toBe("Le réunit {{ alliance.name }} ses membres.");
    state = run(state, moveChip(1));
    expect(fromDoc(state.doc)).toBe("Le réunit ses {{ alliance.name }} membres.");
    state = run(state, moveChip(1));
    state = run(state, moveChip(1));
    expect(fromDoc(state.doc)).toBe("Le réunit ses membres. {{ alliance.name }}");
    expect(state.selection).toBeInstanceOf(NodeSelection);
    for (let k = 0; k < 6; k++) state = run(state, moveChip(-1));
    expect(fromDoc(state.doc)).toBe("{{ alliance.name }} Le réunit ses membres.");
    expect((state.selection as NodeSelection).node.attrs["label"]).toBe("Nom de l’alliance");
  });

  it("moves a chip past another chip", () => {
    let state = selectChip(EditorState.create({ doc: toDoc("{{ alliance.name }} {{ alliance.territory }}\nSuite") }));
    state = run(state, moveChip(1));
    expect(fromDoc(state.doc)).toBe("{{ alliance.territory }} {{ alliance.name }}\nSuite");
  });

  it("does nothing to move when no chip is selected", () => {
    const state = EditorState.create({ doc: toDoc(text) });
    expect(moveChip(1)(state, undefined)).toBe(false);
  });

  it("deletes a chip whole", () => {
    const state = selectChip(EditorState.create({ doc: toDoc(text) }));
    const next = state.apply(state.tr.deleteSelection());
    expect(fromDoc(next.doc)).toBe("Le  réunit ses membres.");
  });

  it("inserts a field as a chip at the cursor", () => {
    let state = EditorState.create({ doc: toDoc("Fin.") });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1)));
    state = run(state, insertChip(fieldChip("alliance.territory")));
    expect(fromDoc(state.doc)).toBe("{{ alliance.territory }}Fin.");
    expect(fieldChip("alliance.territory").attrs["label"]).toBe("Territoire");
    expect(fieldChip(BLANK_CHOICE).attrs).toEqual({ source: "{{ blank() }}", label: "À compléter", kind: "blank" });
  });

  it("offers the alliance's fields, and the party's only in per-party clauses", () => {
    const plain = insertableFields(false).map((f) => f.path);
    expect(plain).toContain("alliance.name");
    expect(plain).not.toContain("party.name");
    expect(insertableFields(true).map((f) => f.path)).toContain("party.name");
    expect(insertableFields(false).every((f) => !f.label.includes("(code)"))).toBe(true);
  });
});
