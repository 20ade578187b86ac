// The clause editor's model on the real model texts of the three documents (`clause-models.json`, written by
// crates/allia-docs/tests/clause_fields.rs): parsing then serialising gives back every text unchanged, no template
// tag is left in what a person reads, and chips move and insert without ever being cut.
import { describe, expect, it } from "vitest";
import { EditorState, NodeSelection, TextSelection } from "prosemirror-state";
import models from "./clause-models.json";
import {
  BLANK_CHOICE,
  ESCAPED_BRACE,
  FIELD_LABELS,
  frenchTypography,
  insertableGroups,
  needsSpaceBefore,
  pastedText,
  toggleBullet,
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

  it.each(all)("$doc / $id: chips read short, on one line, with no bracket inside", ({ text }) => {
    for (const line of parse(text, { titles: { suivi: "Suivi de la charte" } })) {
      for (const segment of line) {
        if (segment.type !== "chip") continue;
        expect(segment.label).not.toMatch(/[[\]\n]/);
        expect(segment.label.length, segment.label).toBeLessThanOrEqual(110);
      }
    }
  });

  it.each(all)("$doc / $id: the person reads no template code", ({ text }) => {
    const shown = displayText(text, { titles: { suivi: "Suivi de la charte" } });
    expect(shown).not.toMatch(/\{\{|\}\}|\{%|%\}|\{#/);
    expect(shown).not.toMatch(/\b(alliance|party|lead|governance|review)\.[a-z_]/);
  });
});

describe("chips", () => {
  it("names at most two data in a condition's label, all of them in its detail", () => {
    const lines = parse("{% if alliance.territory or alliance.purpose or alliance.name %}Texte.{% endif %}", { titles: {} });
    const chip = (lines[0] ?? []).find((s) => s.type === "chip");
    expect(chip?.type === "chip" ? chip.label : "").toMatch(/^Selon plusieurs données/);
    expect(chip?.type === "chip" ? (chip.detail ?? "") : "").toMatch(/Territoire.*Objet.*Nom/s);
  });

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

  it("names a word agreed with a party and the pronoun that refers to it", () => {
    const lines = parse('ci-après {{ party | agree("dénommé") }} {{ party.short_name | quoted }} ; {{ lead | pronoun }}');
    const chips = (lines[0] ?? []).filter((s) => s.type === "chip");
    expect(chips.map((c) => (c.type === "chip" ? c.label : null))).toEqual([
      "«\u00a0dénommé\u00a0» accordé avec la partie",
      "Nom court de la partie",
      "«\u00a0celui-ci\u00a0» ou «\u00a0celle-ci\u00a0» selon le chef de file",
    ]);
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
      label: "Si «\u00a0Date de début\u00a0» renseigné\u00a0: “du …”, sinon “de sa signature”",
      detail: "Si la donnée «\u00a0Date de début\u00a0» est renseignée\u00a0: du «\u00a0Date de début\u00a0» ; sinon\u00a0: de sa signature",
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
    expect(chip?.type === "chip" && chip.label).toBe("Si la partie est chef de file\u00a0: “Coordonne.”, sinon “Contribue.”");
    const [negated] = parse("{% if not party.is_profile %}Partenaire.{% endif %}")[0] ?? [];
    expect(negated?.type === "chip" && negated.label).toBe("Sauf si la partie est votre association\u00a0: “Partenaire.”");
  });

  it("lists repeated for each party", () => {
    const text = "{% for party in parties %}\n- **{{ party.name }}**, {{ party.identity }}\n{% endfor %}";
    const [chip] = parse(text)[0] ?? [];
    expect(chip).toMatchObject({ kind: "list" });
    expect(chip?.type === "chip" && chip.label).toBe("Liste des parties (une ligne par partie)");
    expect(chip?.type === "chip" && chip.detail).toBe(
      "Chaque ligne\u00a0: «\u00a0Nom de la partie\u00a0», «\u00a0Identification de la partie\u00a0»",
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
    expect(fieldChip(BLANK_CHOICE).attrs).toEqual({ source: "{{ blank() }}", label: "À compléter", kind: "blank", detail: "" });
  });

  it("offers the alliance's fields, and the party's only in per-party clauses", () => {
    const plain = insertableFields(false).map((f) => f.path);
    expect(plain).toContain("alliance.name");
    expect(plain).not.toContain("party.name");
    expect(insertableFields(true).map((f) => f.path)).toContain("party.name");
    expect(insertableFields(false).every((f) => !f.label.includes("(code)"))).toBe(true);
  });
});

/** The editor's document of plain typed lines (what a person types, before any serialising). */
function typed(...lines: string[]) {
  return clauseSchema.node(
    "doc",
    null,
    lines.map((line) => clauseSchema.node("line", null, line ? [clauseSchema.text(line)] : [])),
  );
}

describe("what is typed is text, never code (new-user trial, item 1)", () => {
  const typedCode = [
    "{{ alliance.name | upper }}",
    "{{ 7 * 6 }}",
    "{% for x in [1, 2] %}{{ x }}{% endfor %}",
    "{# une note #}",
    "{{{ triple }}}",
    "fin {",
    '{{ "{" }}',
    "{% raw %}{{ x }}{% endraw %}",
  ];

  it.each(typedCode)("« %s » typed is stored with its braces escaped and read back as the same text", (code) => {
    const stored = fromDoc(typed(`Avant ${code} après`));
    // No tag in the stored text but the escaped brace.
    const tags = tokenize(stored).filter((t) => t.type === "tag");
    expect(tags).toEqual([]);
    expect(stored.replaceAll(ESCAPED_BRACE, "")).not.toMatch(/\{\{|\{%|\{#/);
    // Read back: the same text, no chip.
    const lines = parse(stored);
    expect(lines.flat().map((s) => s.type)).toEqual(["text"]);
    expect(toDoc(stored).textContent).toBe(`Avant ${code} après`);
    expect(fromDoc(toDoc(stored))).toBe(stored);
  });

  it("escapes a brace typed just before a chip, so the two never make a tag", () => {
    const doc = clauseSchema.node("doc", null, [
      clauseSchema.node("line", null, [clauseSchema.text("a {"), fieldChip("alliance.name")]),
    ]);
    const stored = fromDoc(doc);
    expect(stored).toBe(`a ${ESCAPED_BRACE}{{ alliance.name }}`);
    expect(parse(stored)[0]?.map((s) => s.type)).toEqual(["text", "chip"]);
  });
});

describe("formatting shows as formatting (item 2)", () => {
  const bolds = (doc: ReturnType<typeof toDoc>) => {
    const out: string[] = [];
    doc.descendants((node) => {
      if (node.marks.some((m) => m.type.name === "bold")) out.push(node.isText ? (node.text ?? "") : String(node.attrs["label"]));
    });
    return out;
  };

  it("shows bold as a mark and « - » lines as list items, and writes them back", () => {
    const text = "Les valeurs :\n- **l'intérêt général** : avant tout ;\n- *Attention :* **{{ alliance.name }}** fin.";
    const doc = toDoc(text);
    expect(doc.textContent).not.toContain("*");
    expect(bolds(doc)).toEqual(["l'intérêt général", "Nom de l’alliance"]);
    const lines: boolean[] = [];
    doc.forEach((line) => lines.push(Boolean(line.attrs["bullet"])));
    expect(lines).toEqual([false, true, true]);
    expect(doc.child(1).textContent).toBe("l'intérêt général : avant tout ;");
    expect(fromDoc(doc)).toBe(text);
  });

  it("keeps a lone ** and typed backslashes literal, escaped for print", () => {
    const doc = toDoc("**seul et 5 * 3");
    expect(doc.textContent).toBe("**seul et 5 * 3");
    expect(bolds(doc)).toEqual([]);
    const stored = fromDoc(typed("**seul", "a\\b *x*", "- pas une liste"));
    expect(stored).toBe("\\*\\*seul\na\\\\b \\*x\\*\n\\- pas une liste");
    expect(toDoc(stored).textContent).toBe("**seula\\b *x*- pas une liste");
    expect(fromDoc(toDoc(stored))).toBe(stored);
  });

  it("toggles a list item on the cursor's line", () => {
    let state = EditorState.create({ doc: typed("Un", "Deux") });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 6)));
    toggleBullet(state, (tr) => (state = state.apply(tr)));
    expect(fromDoc(state.doc)).toBe("Un\n- Deux");
    toggleBullet(state, (tr) => (state = state.apply(tr)));
    expect(fromDoc(state.doc)).toBe("Un\nDeux");
  });
});

describe("French typography in the editor (item 7)", () => {
  it("shows ’ and no-break spaces, as printed", () => {
    expect(frenchTypography("l'alliance « X » : oui ; non ! ?")).toBe(
      "l’alliance «\u00a0X\u00a0»\u00a0: oui\u00a0; non\u00a0!\u00a0?",
    );
    const doc = toDoc("L'objet : {{ blank(\"l'objet\") }}", {}, { typography: true });
    expect(doc.textContent).toBe("L’objet\u00a0: [À compléter\u00a0: l’objet]");
    // The chip's source is never touched.
    expect(fromDoc(doc)).toBe("L’objet\u00a0: {{ blank(\"l'objet\") }}");
  });
});

describe("inserting a field (item 5)", () => {
  it("puts a space before a chip stuck to a word, not after a space, a quote or an apostrophe", () => {
    expect(needsSpaceBefore("l’alliance")).toBe(true);
    expect(needsSpaceBefore("article,")).toBe(true);
    for (const before of ["", "le ", "«\u00a0", "l’", "l'", "("]) expect(needsSpaceBefore(before)).toBe(false);
    let state = EditorState.create({ doc: typed("Signé par") });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 10)));
    insertChip(fieldChip("alliance.name"))(state, (tr) => (state = state.apply(tr)));
    expect(fromDoc(state.doc)).toBe("Signé par {{ alliance.name }}");
  });

  it("groups the list by where the data comes from, in plain French", () => {
    const groups = insertableGroups(true);
    expect(groups.map((g) => g.label)).toEqual([
      "La partie",
      "L’alliance",
      "Le chef de file",
      "Les financements",
      "Le suivi et la gouvernance",
      "Le document",
    ]);
    expect(groups.flatMap((g) => g.fields).length).toBe(insertableFields(true).length);
    expect(insertableGroups(false).map((g) => g.label)).not.toContain("La partie");
    const labels = groups.flatMap((g) => g.fields.map((f) => f.label));
    for (const jargon of [/\+ nom/, /^Mot /, /^Numéro du chef de file$/, /Seuil de la convention obligatoire/]) {
      expect(labels.filter((l) => jargon.test(l))).toEqual([]);
    }
  });
});

describe("pasting plain text", () => {
  it("keeps its lines and blank lines, makes « - » lines list items, and never reads code", () => {
    let state = EditorState.create({ doc: typed("Début ") });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 7)));
    state = state.apply(state.tr.replaceSelection(pastedText("un {{ alliance.name }}\r\n\n- deux **x**\n• trois")));
    expect(fromDoc(state.doc)).toBe(`Début un ${ESCAPED_BRACE}{ alliance.name }}\n\n- deux \\*\\*x\\*\\*\n- trois`);
  });
});
