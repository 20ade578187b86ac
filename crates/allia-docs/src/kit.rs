//! The recovery kit: one printable A4 page with the vault's recovery key, the date it was
//! made and, in plain French, what the key opens, how to use it and where to keep it.
//!
//! It is laid out by the same typesetter as the contracts; the key itself is a
//! [`Block::Key`]: large bold groups in aligned columns, easy to copy by hand.

use chrono::NaiveDate;

use crate::model::{Align, Block, Document, List, Metadata, Paragraph, Run};
use crate::pdf::{self, PdfError};
use crate::templates::typography::{format_date, tie_numbers};

/// The document title, also the PDF's.
pub const TITLE: &str = "Kit de récupération Allia";

/// Groups of the key on each printed line: 13 groups of 4 make lines of 5, 5 and 3.
const GROUPS_PER_LINE: usize = 5;

/// What the kit says. `recovery_key` as the app shows it (groups of four joined by dashes
/// or spaces); `association` is the profile's name, left out when absent or blank.
#[derive(Debug, Clone, Copy)]
pub struct KitContent<'a> {
    pub recovery_key: &'a str,
    /// The day the kit is made, printed as « Créé le 26 novembre 2026 ».
    pub created: NaiveDate,
    pub association: Option<&'a str>,
}

/// The kit as a document model (one page).
pub fn document(content: &KitContent<'_>) -> Document {
    let association = content
        .association
        .map(str::trim)
        .filter(|name| !name.is_empty());
    // A generated date never breaks at a line end (« 26 novembre 2026 »).
    let created = tie_numbers(&format_date(content.created));
    // Blanks to fill in by hand, sized to stay on one line each.
    let dots = |n: usize| "…".repeat(n);
    let blocks = vec![
        Block::Title {
            title: TITLE.into(),
            subtitle: association.map(str::to_string),
        },
        Block::Paragraph(Paragraph {
            runs: vec![
                Run::plain(format!("Créé le {created}.")),
                Run::italic(" Document confidentiel, à imprimer et à ranger en lieu sûr."),
            ],
            align: Align::Center,
        }),
        Block::Key {
            lines: key_lines(content.recovery_key),
        },
        Block::Paragraph(Paragraph {
            runs: vec![Run::italic(
                "Votre clé de récupération\u{a0}: des chiffres et des majuscules, sans I, L, O ni U.",
            )],
            align: Align::Center,
        }),
        Block::Section {
            text: "À quoi sert cette clé\u{a0}?".into(),
        },
        Block::Paragraph(Paragraph::plain(
            "Elle remplace la phrase de passe du coffre Allia de l’association. Elle l’ouvre\u{a0}:",
        )),
        Block::List(List {
            ordered: false,
            items: vec![
                vec![Run::plain("quand la phrase de passe a été oubliée\u{a0};")],
                vec![
                    Run::plain(
                        "quand le fichier «\u{a0}allia.vault.keys\u{a0}» a été perdu ou \
                         endommagé\u{a0}: ",
                    ),
                    Run::bold("cette clé et le fichier du coffre suffisent"),
                    Run::plain("\u{a0};"),
                ],
                vec![Run::plain(
                    "pour ouvrir une sauvegarde du coffre («\u{a0}Restaurer depuis…\u{a0}», \
                     dans les Paramètres).",
                )],
            ],
        }),
        Block::Section {
            text: "Comment l’utiliser".into(),
        },
        Block::List(List {
            ordered: true,
            items: vec![
                vec![
                    Run::plain("Ouvrez Allia. Sur l’écran de déverrouillage, cliquez sur "),
                    Run::bold("«\u{a0}Phrase de passe oubliée\u{a0}?\u{a0}»"),
                    Run::plain("."),
                ],
                vec![Run::plain(
                    "Tapez la clé ci-dessus. Majuscules ou minuscules, espaces ou tirets\u{a0}: \
                     peu importe.",
                )],
                vec![Run::plain(
                    "Choisissez une nouvelle phrase de passe\u{a0}: le coffre s’ouvre. La clé, \
                     elle, ne change pas.",
                )],
            ],
        }),
        Block::Section {
            text: "Où la ranger".into(),
        },
        Block::List(List {
            ordered: false,
            items: vec![
                vec![Run::plain(
                    "Imprimez cette page et rangez-la dans un classeur fermé, loin de \
                     l’ordinateur.",
                )],
                vec![
                    Run::bold("Ne l’envoyez jamais par e-mail"),
                    Run::plain(", ne la photographiez pas, ne la mettez pas en ligne."),
                ],
                vec![Run::plain(
                    "Une fois la page imprimée, supprimez ce fichier PDF\u{a0}: il contient la clé.",
                )],
            ],
        }),
        Block::Paragraph(Paragraph {
            runs: vec![
                Run::bold("Attention\u{a0}: "),
                Run::plain(
                    "quiconque possède cette clé et le fichier du coffre peut lire les données \
                     de l’association.",
                ),
            ],
            align: Align::Justify,
        }),
        Block::Paragraph(Paragraph {
            runs: vec![Run::plain(format!(
                "Fait le {} par {}",
                dots(10),
                dots(22)
            ))],
            align: Align::Left,
        }),
        Block::Paragraph(Paragraph {
            runs: vec![Run::plain(format!("Rangé où\u{a0}: {}", dots(34)))],
            align: Align::Left,
        }),
    ];

    Document {
        metadata: Metadata {
            title: TITLE.into(),
            author: association.unwrap_or("Allia").to_string(),
            subject: "Clé de récupération du coffre Allia".into(),
            keywords: vec!["Allia".into(), "récupération".into()],
            creation_date: content.created,
            language: "fr-FR".into(),
        },
        header: None,
        initials: false,
        footer_title: format!("{TITLE} — confidentiel"),
        blocks,
    }
}

/// The kit as PDF bytes (one A4 page).
///
/// # Errors
/// [`PdfError`] when the embedded fonts or the PDF writer fail (a broken build, not the
/// key).
pub fn render_pdf(content: &KitContent<'_>) -> Result<Vec<u8>, PdfError> {
    pdf::shared()?.render(&document(content))
}

/// The key's groups, `GROUPS_PER_LINE` to a line, separated by spaces.
fn key_lines(recovery_key: &str) -> Vec<String> {
    let groups: Vec<&str> = recovery_key
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|group| !group.is_empty())
        .collect();
    groups
        .chunks(GROUPS_PER_LINE)
        .map(|line| line.join(" "))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirteen_groups_make_three_lines() {
        let key = (0..13)
            .map(|k| format!("A{k:03}"))
            .collect::<Vec<_>>()
            .join("-");
        assert_eq!(
            key_lines(&key),
            [
                "A000 A001 A002 A003 A004",
                "A005 A006 A007 A008 A009",
                "A010 A011 A012"
            ]
        );
        assert_eq!(key_lines(" AB  CD-EF- "), ["AB CD EF"]);
        assert!(key_lines("").is_empty());
    }

    #[test]
    fn a_blank_association_name_is_left_out() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 26).expect("date");
        let doc = document(&KitContent {
            recovery_key: "ABCD-EFGH",
            created: date,
            association: Some("  "),
        });
        assert_eq!(
            doc.blocks[0],
            Block::Title {
                title: TITLE.into(),
                subtitle: None
            }
        );
        assert_eq!(doc.metadata.author, "Allia");
    }

    #[test]
    fn french_typography_uses_no_break_spaces() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 26).expect("date");
        let doc = document(&KitContent {
            recovery_key: "ABCD-EFGH",
            created: date,
            association: None,
        });
        let text = serde_json::to_string(&doc.blocks).expect("json");
        assert!(text.contains("«\u{a0}Phrase de passe oubliée\u{a0}?\u{a0}»"));
        assert!(text.contains("«\u{a0}allia.vault.keys\u{a0}»"));
        assert!(text.contains("26\u{a0}novembre\u{a0}2026"));
        for mark in [" :", " ;", " ?", " !", "« ", " »"] {
            assert!(!text.contains(mark), "a breakable space in « {mark} »");
        }
    }
}
