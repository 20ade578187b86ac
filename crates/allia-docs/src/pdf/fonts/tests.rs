//! Tests of the fonts: widths as printpdf writes them, the fallback chain, the fast
//! path and what is printable.

use super::*;

#[test]
fn widths_match_what_printpdf_writes() {
    let fonts = Fonts::load().expect("fonts");
    for face in Face::ALL {
        let data = fonts.face(face);
        for c in ['a', 'é', '«', '€', 'œ', ' ', '\u{202F}', 'W'] {
            let gid = data.parsed.lookup_glyph_index(c as u32).expect("glyph");
            let decoded = data.parsed.get_or_decode_glyph(gid).expect("decoded");
            let expected = u32::from(decoded.horz_advance) * 1000 / data.units_per_em;
            assert_eq!(u32::from(data.width(c).expect("width")), expected, "{c}");
            let shaper = fonts.shaper(FontKey::liberation(face));
            assert_eq!(shaper.natural_width(gid), expected, "{c}");
        }
    }
}

#[test]
fn fallback_widths_match_what_printpdf_writes() {
    let fonts = Fonts::load().expect("fonts");
    for c in ['م', '🔧', '♻', '李', 'Ա'] {
        let key = fonts.pick(Face::Regular, c).expect("a font has it");
        assert!(!key.is_liberation(), "{c}");
        let parsed = fonts.embedded(key).expect("parses");
        let shaper = fonts.shaper(key);
        let gid = shaper.glyph(c).expect("glyph");
        assert_eq!(parsed.lookup_glyph_index(c as u32), Some(gid), "{c}");
        let decoded = parsed.get_or_decode_glyph(gid).expect("decoded");
        let expected = u32::from(decoded.horz_advance) * 1000
            / u32::from(parsed.pdf_font_metrics.units_per_em.max(1));
        assert_eq!(shaper.natural_width(gid), expected, "{c}");
    }
}

#[test]
fn the_chain_picks_a_font_per_script() {
    let fonts = Fonts::load().expect("fonts");
    let pick = |face, c| fonts.pick(face, c).map(FontKey::resource_id);
    assert_eq!(pick(Face::Italic, 'é'), Some("LIBSIT"));
    assert_eq!(pick(Face::Regular, 'Ж'), Some("LIBSRG"));
    assert_eq!(pick(Face::Regular, 'ש'), Some("LIBSRG"));
    assert_eq!(pick(Face::Regular, 'م'), Some("NNASRG"));
    assert_eq!(pick(Face::Bold, 'م'), Some("NNASBD"));
    assert_eq!(pick(Face::Regular, '🔧'), Some("NEMORG"));
    assert_eq!(pick(Face::Regular, '♻'), Some("DJVSRG"));
    assert_eq!(
        fonts
            .fallback(Face::Regular, '♻', Presentation::Emoji)
            .map(FontKey::resource_id),
        Some("NEMORG")
    );
    assert_eq!(pick(Face::Regular, '李'), Some("DRSFRG"));
    assert_eq!(pick(Face::Regular, '\u{10FFFD}'), None);
}

#[test]
fn fallback_box_is_in_every_face() {
    let fonts = Fonts::load().expect("fonts");
    for face in Face::ALL {
        assert!(fonts.face(face).width(super::super::shaping::BOX).is_some());
    }
}

#[test]
fn simple_chars() {
    let fonts = Fonts::load().expect("fonts");
    assert!(fonts.simple("Hélène, « Ж » : 12\u{202F}500,00\u{A0}€ — œuvre’s\u{7}"));
    for text in ["e\u{301}", "مريم", "שלום", "🔧", "李", "♻"] {
        assert!(!fonts.simple(text), "{text}");
    }
}

#[test]
fn printable_chars() {
    for c in [
        'a', 'é', 'Ж', 'λ', '€', '\u{202F}', '\n', '\u{200D}', '\u{FE0F}', 'م', '🔧', '♻', '李',
        'ש',
    ] {
        assert!(super::super::printable(c), "{c:?}");
    }
    assert!(!super::super::printable('\u{10FFFD}'));
    assert!(!super::super::printable('\u{13000}'));
}
