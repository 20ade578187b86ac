//! The dossier de présentation read back with poppler's tools: the title page with the
//! alliance and the association, the guide's four parts, every figure with its value,
//! year, source and link, and page numbers.

#[path = "common/pdf_tools.rs"]
mod pdf_tools;

use allia_core::{DossierTexts, FigureDraft, FigureSourceKind};
use allia_docs::dossier::{self, DossierPdf};
use chrono::NaiveDate;
use pdf_tools::{tool, write};

fn figures() -> Vec<FigureDraft> {
    let f = |label: &str,
             value: &str,
             unit: Option<&str>,
             year,
             kind,
             source: &str,
             link: Option<&str>| {
        FigureDraft {
            label: label.into(),
            value: value.into(),
            unit: unit.map(str::to_string),
            year,
            source_kind: kind,
            source: source.into(),
            link: link.map(str::to_string),
        }
        .validated()
        .expect("valid figure")
    };
    vec![
        f("Habitants du quartier prioritaire", "7 840", Some("habitants"), 2021, FigureSourceKind::Insee,
          "Recensement de la population, IRIS Les Tilleuls", Some("https://www.insee.fr/fr/statistiques/7704076")),
        f("Taux de pauvreté", "38,5", Some("%"), 2021, FigureSourceKind::Insee, "Filosofi", None),
        f("Familles monoparentales suivies", "412", Some("familles"), 2025, FigureSourceKind::OwnSurvey,
          "Questionnaire auprès des familles accueillies", None),
        f("Places en crèche pour 100 enfants", "24,8", None, 2023, FigureSourceKind::OpenData,
          "Caisse nationale des allocations familiales, data.caf.fr",
          Some("https://data.caf.fr/explore/dataset/txcouv_pe_com/information/?disjunctive.annee&sort=annee&refine.numcom=37261")),
        f("Budget annuel d’un atelier", "12 500", Some("€"), 2026, FigureSourceKind::Other, "Devis de la menuiserie partagée", None),
    ]
}

fn texts() -> DossierTexts {
    DossierTexts {
        social_need: Some("Dans le quartier des Tilleuls, les familles monoparentales cumulent isolement et difficultés de garde.\nElles renoncent souvent à un emploi.".into()),
        collective_response: Some("Aucune structure seule ne couvre la garde, l'insertion et le lien social.".into()),
        argument: None,
        key_actors: Some("Les familles elles-mêmes, la Ville, la CAF, les employeurs du quartier.".into()),
    }
}

fn squashed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

#[test]
fn every_figure_is_printed_with_its_source_and_the_pages_are_numbered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let figures = figures();
    let texts = texts();
    let content = DossierPdf {
        alliance: "Alliance des Tilleuls",
        association: Some("Familles en Marche"),
        territory: Some("Tours, quartier des Tilleuls"),
        texts: &texts,
        figures: &figures,
        date: NaiveDate::from_ymd_opt(2026, 12, 4).expect("date"),
    };
    let bytes = dossier::render_pdf(&content).expect("render");
    let path = write(dir.path(), "dossier.pdf", &bytes);
    let info = tool("pdfinfo", &[], &path);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    assert!(pages >= 2, "a title page, then the dossier: {pages}");
    assert!(
        info.contains("Dossier de présentation du projet — Alliance des Tilleuls"),
        "{info}"
    );

    // The title page: the alliance, the association, the date.
    let first = pdf_tools::text(&path, &["-f", "1", "-l", "1"]);
    assert!(
        first.contains("Dossier de présentation du projet"),
        "{first}"
    );
    assert!(first.contains("Alliance des Tilleuls"), "{first}");
    assert!(first.contains("Familles en Marche"), "{first}");
    assert!(first.contains("4 décembre 2026"), "{first}");
    assert!(
        !first.contains(dossier::SOCIAL_NEED),
        "the parts start on page 2"
    );

    let all = pdf_tools::text(&path, &[]);
    for page in 1..=pages {
        assert!(
            all.contains(&format!("Page {page} / {pages}")),
            "page {page}: {all}"
        );
    }
    for heading in [
        dossier::SOCIAL_NEED,
        dossier::FIGURES,
        dossier::COLLECTIVE_RESPONSE,
        dossier::ARGUMENT,
        dossier::KEY_ACTORS,
    ] {
        assert!(all.contains(heading), "{heading}");
    }
    // An empty part says so rather than vanish.
    assert!(all.contains("Cette partie n’est pas encore rédigée."));
    assert!(
        all.contains("l’insertion"),
        "typographic apostrophe in user text"
    );

    // Every figure, with its value as printed in French, its year, its source's kind,
    // name and link; in table order.
    let flat = squashed(&all);
    let mut last = 0;
    for f in &figures {
        let label = squashed(&f.label);
        let at = flat[last..]
            .find(&label)
            .map(|i| i + last)
            .unwrap_or_else(|| panic!("{} in order: {all}", f.label));
        last = at;
        for expected in [
            squashed(&dossier::value_with_unit(f)),
            f.year.to_string(),
            squashed(f.source_kind.label()),
            squashed(&f.source.replace('\'', "’")),
        ] {
            assert!(
                flat.contains(&expected),
                "{expected} for {}: {all}",
                f.label
            );
        }
        if let Some(link) = &f.link {
            assert!(flat.contains(&squashed(link)), "{link}: {all}");
        }
    }
    assert!(
        all.contains("7\u{202f}840") || all.contains("7 840"),
        "{all}"
    );
    assert!(flat.contains("38,5%"), "{all}");
}

#[test]
fn an_empty_dossier_still_prints_its_title_page_and_parts() {
    let texts = DossierTexts::default();
    let content = DossierPdf {
        alliance: "Alliance vide",
        association: None,
        territory: None,
        texts: &texts,
        figures: &[],
        date: NaiveDate::from_ymd_opt(2026, 12, 4).expect("date"),
    };
    let doc = dossier::document(&content);
    let text: Vec<String> = doc.blocks.iter().map(|b| b.text()).collect();
    assert!(
        !text.iter().any(|t| t == dossier::FIGURES),
        "no empty table"
    );
    assert_eq!(
        text.iter()
            .filter(|t| t.as_str() == "Cette partie n’est pas encore rédigée.")
            .count(),
        4
    );
    assert!(dossier::render_pdf(&content)
        .expect("render")
        .starts_with(b"%PDF"));
}
