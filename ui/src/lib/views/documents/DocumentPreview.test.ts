import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { Document } from "$lib/api/bindings";
import DocumentPreview from "./DocumentPreview.svelte";

const document: Document = {
  metadata: {
    title: "Convention",
    author: "Maison des Solidarités",
    subject: "",
    keywords: [],
    creation_date: "2026-11-26",
    language: "fr-FR",
  },
  header: null,
  footer_title: "Convention",
  blocks: [
    { Title: { title: "Convention de partenariat", subtitle: null } },
    { Article: { number: 1, title: "Objet", heading: "Article 1 — Objet" } },
    { Paragraph: { runs: [{ text: "La présente convention ", bold: false, italic: false }, { text: "engage", bold: true, italic: false }], align: "Justify" } },
    { List: { ordered: false, items: [[{ text: "premier point", bold: false, italic: false }]] } },
    "PageBreak",
    {
      Signatures: {
        sentence: "Fait à Tours, le 26 novembre 2026, en 2 exemplaires originaux.",
        approval: "Lu et approuvé",
        rows: [
          [
            { organisation: "Maison des Solidarités", name: "Claire Martin", role: "Présidente" },
            { organisation: "Ville de Tours", name: "Paul Martin", role: "Maire" },
          ],
        ],
      },
    },
  ],
};

describe("DocumentPreview", () => {
  it("renders the title, articles, bold runs, lists and signatures", () => {
    render(DocumentPreview, { document });
    const preview = screen.getByTestId("document-preview");
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Convention de partenariat");
    expect(screen.getByRole("heading", { level: 3 })).toHaveTextContent("Article 1 — Objet");
    expect(screen.getByText("engage").tagName).toBe("STRONG");
    expect(screen.getByText("premier point").tagName).toBe("LI");
    expect(preview).toHaveTextContent("Claire Martin");
    expect(preview).toHaveTextContent("Paul Martin");
    expect(preview).toHaveTextContent("Lu et approuvé");
    expect(preview).toHaveTextContent("en 2 exemplaires originaux");
  });

  it("groups each clause's blocks under its id and marks the active one", () => {
    const { container } = render(DocumentPreview, {
      props: { document, anchors: [{ clauseId: "objet", start: 1, end: 3 }], activeClause: "objet" },
    });
    const part = container.querySelector('[data-clause="objet"]');
    expect(part).toHaveClass("active");
    expect(part).toHaveTextContent("Article 1 — Objet");
    expect(part).toHaveTextContent("La présente convention engage");
    // The title is outside every clause.
    expect(part).not.toHaveTextContent("Convention de partenariat");
    expect(screen.getByText("Convention de partenariat")).toBeInTheDocument();
  });
});
