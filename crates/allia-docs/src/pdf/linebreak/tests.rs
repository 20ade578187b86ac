//! Tests of line breaking: glued words, justified lines never stretched past the
//! limit, hyphenation and words too long for a line.

use super::*;

fn text(line: &Line) -> String {
    line.chunks.iter().map(|c| c.text.as_str()).collect()
}

#[test]
fn non_breaking_spaces_glue_words() {
    let fonts = Fonts::load().expect("fonts");
    let runs = [(Face::Regular, "montant\u{a0}: 1\u{202f}250,00\u{a0}€ dû")];
    // Wider than each glued group: narrower ones are cut like any over-long word.
    for max in (5000..20_000).step_by(7) {
        for line in break_lines(&fonts, &runs, max, true) {
            let t = text(&line);
            assert!(!t.starts_with(['\u{a0}', '\u{202f}']), "{max}: {t:?}");
            assert!(!t.ends_with(['\u{a0}', '\u{202f}']), "{max}: {t:?}");
        }
    }
}

/// Over a sweep of texts (with the long unbreakable amounts and dates that make loose
/// lines) and column widths: every justified line stretches its spaces to at most
/// [`MAX_SPACE_STRETCH`] times their width, every line set ragged would have gone
/// beyond, and text set left is never marked.
#[test]
fn justified_spaces_never_stretch_beyond_the_limit() {
    let fonts = Fonts::load().expect("fonts");
    let space = fonts.width(Face::Regular, ' ') as f32;
    let texts = [
        "versée en deux fois\u{a0}: 20\u{202f}000,00\u{a0}€ le 15\u{a0}janvier\u{a0}2027 \
         et 20\u{202f}000,00\u{a0}€ le 15\u{a0}janvier\u{a0}2028.",
        "la Commune\u{a0}: une subvention de 40\u{202f}000,00\u{a0}€ (imputation \
         budgétaire\u{a0}: Budget «\u{a0}vie associative\u{a0}» 2027), versée en deux \
         fois\u{a0}: 20\u{202f}000,00\u{a0}€ le 15\u{a0}janvier\u{a0}2027 et \
         20\u{202f}000,00\u{a0}€ le 15\u{a0}janvier\u{a0}2028.",
        "Les partenaires constituent solidairement une association de fait pour \
         conduire le projet décrit au préambule, dans le respect de l’autonomie de \
         chacun, et se réunissent au moins une fois par trimestre.",
        "Voir https://www.service-public.fr/associations/vosdroits/F3180 et \
         l’arrêté du 11\u{a0}octobre\u{a0}2006 pris pour l’application de l’article\u{a0}10.",
    ];
    let (mut justified, mut ragged) = (0, 0);
    for text in texts {
        let runs = [(Face::Regular, text)];
        for max in (6_000..40_000).step_by(97) {
            for line in break_lines(&fonts, &runs, max, true) {
                if line.last || line.spaces == 0 {
                    assert!(!line.ragged, "{max}: {line:?}");
                    continue;
                }
                let stretched = space + max.saturating_sub(line.width) as f32 / line.spaces as f32;
                let within = stretched <= MAX_SPACE_STRETCH * space;
                assert_eq!(
                    !line.ragged,
                    within,
                    "{max}: spaces stretched to {stretched} ({})",
                    self::text(&line)
                );
                if line.ragged {
                    ragged += 1;
                } else {
                    justified += 1;
                }
            }
            for line in break_lines(&fonts, &runs, max, false) {
                assert!(!line.ragged, "left-aligned text is never marked: {max}");
            }
        }
    }
    assert!(
        justified > 0 && ragged > 0,
        "{justified} justified, {ragged} ragged"
    );
}

/// The trial's loose line: in a list item of a justified article, « tive » 2027),
/// versée en deux fois : 20 000,00 € le 15 janvier 2027 et 20 000,00 € le » (the
/// next word a date that cannot break) stretched its spaces about fivefold; it is now
/// set ragged.
#[test]
fn the_trial_loose_line_is_set_ragged() {
    let fonts = Fonts::load().expect("fonts");
    let text = "tive\u{a0}» 2027), versée en deux fois\u{a0}: 20\u{202f}000,00\u{a0}€ le \
         15\u{a0}janvier\u{a0}2027 et 20\u{202f}000,00\u{a0}€ le 15\u{a0}janvier\u{a0}2028.";
    // The list's text column: the A4 body (453.5 pt) less the 24 pt indent, at 11 pt.
    let lines = break_lines(&fonts, &[(Face::Regular, text)], 39_045, true);
    let shown: Vec<(String, bool)> = lines.iter().map(|l| (self::text(l), l.ragged)).collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(shown[0].0.ends_with("€ le") && shown[0].1, "{shown:?}");
}

#[test]
fn loose_justified_lines_hyphenate_in_french() {
    let fonts = Fonts::load().expect("fonts");
    let runs = [(
        Face::Regular,
        "Les partenaires constituent solidairement une association",
    )];
    let lines = break_lines(&fonts, &runs, 16_000, true);
    assert!(lines.iter().any(|l| text(l).ends_with('-')), "{lines:?}");
    assert!(lines.iter().all(|l| l.width <= 16_000));
    let joined: String = lines.iter().map(text).collect::<Vec<_>>().join("\n");
    assert_eq!(
        joined.replace("-\n", "").replace('\n', " "),
        "Les partenaires constituent solidairement une association"
    );
}
