//! Paragraph styles and list numbering definitions. Headings use Word's built-in names
//! (« heading 1 », « heading 2 ») with outline levels, so the navigation pane and a
//! generated table of contents show the contract's structure.

use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, Level, LevelJc, LevelText, LineSpacing, NumberFormat,
    RunFonts, SpecialIndentType, Start, Style, StyleType,
};

/// Body font, embedded in the PDF too; Word falls back to a serif if it is missing.
pub const BODY_FONT: &str = "Liberation Serif";
/// Body size in half-points (11 pt).
pub const BODY_SIZE: usize = 22;

pub const NORMAL: &str = "Normal";
pub const TITLE: &str = "Title";
pub const SUBTITLE: &str = "Subtitle";
pub const SECTION: &str = "AlliaSection";
pub const HEADING_1: &str = "Heading1";
pub const HEADING_2: &str = "Heading2";
pub const LIST: &str = "ListParagraph";
pub const TABLE_TEXT: &str = "AlliaTableText";
pub const SIGNATURE: &str = "AlliaSignature";
pub const HEADER: &str = "Header";
pub const FOOTER: &str = "Footer";

/// Numbering instance of the bullet lists (id 1 is docx-rs's own default).
pub const BULLET_NUM_ID: usize = 2;
const BULLET_ABSTRACT_ID: usize = 2;
/// Abstract numbering shared by ordered lists; each list gets its own instance,
/// restarting at 1.
pub const ORDERED_ABSTRACT_ID: usize = 3;
/// First numbering instance id for ordered lists.
pub const FIRST_ORDERED_NUM_ID: usize = 3;

/// List indentation, in twips: text at 10 mm, marker hanging 5 mm before it.
const LIST_LEFT: i32 = 567;
const LIST_HANGING: i32 = 283;

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(BODY_FONT)
        .hi_ansi(BODY_FONT)
        .cs(BODY_FONT)
        .east_asia(BODY_FONT)
}

/// Spacing in twips before and after a paragraph, single-ish line spacing (1.08).
fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after).line(259)
}

fn paragraph_style(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on(NORMAL)
        .next(NORMAL)
}

fn keep_with_next(mut style: Style) -> Style {
    style.paragraph_property = style.paragraph_property.keep_next(true).keep_lines(true);
    style
}

fn all_styles() -> Vec<Style> {
    let normal = Style::new(NORMAL, StyleType::Paragraph)
        .name("Normal")
        .fonts(fonts())
        .size(BODY_SIZE)
        .align(AlignmentType::Both)
        .line_spacing(spacing(0, 120));
    let title = keep_with_next(
        paragraph_style(TITLE, "Title")
            .bold()
            .size(36)
            .align(AlignmentType::Center)
            .line_spacing(spacing(0, 120)),
    )
    .next(SUBTITLE);
    let subtitle = keep_with_next(
        paragraph_style(SUBTITLE, "Subtitle")
            .italic()
            .size(26)
            .align(AlignmentType::Center)
            .line_spacing(spacing(0, 360)),
    );
    let section = keep_with_next(
        paragraph_style(SECTION, "Allia Section")
            .bold()
            .size(24)
            .align(AlignmentType::Left)
            .outline_lvl(0)
            .line_spacing(spacing(240, 120)),
    );
    let heading_1 = keep_with_next(
        paragraph_style(HEADING_1, "heading 1")
            .bold()
            .size(24)
            .align(AlignmentType::Left)
            .outline_lvl(0)
            .line_spacing(spacing(300, 120)),
    );
    let heading_2 = keep_with_next(
        paragraph_style(HEADING_2, "heading 2")
            .bold()
            .size(BODY_SIZE)
            .align(AlignmentType::Left)
            .outline_lvl(1)
            .line_spacing(spacing(180, 60)),
    );
    let list = paragraph_style(LIST, "List Paragraph")
        .line_spacing(spacing(0, 60))
        .next(LIST);
    let table_text = paragraph_style(TABLE_TEXT, "Allia Table Text")
        .size(20)
        .align(AlignmentType::Left)
        .line_spacing(spacing(40, 40));
    let signature = paragraph_style(SIGNATURE, "Allia Signature")
        .align(AlignmentType::Left)
        .line_spacing(spacing(0, 0));
    let header = paragraph_style(HEADER, "header")
        .size(18)
        .italic()
        .align(AlignmentType::Right)
        .line_spacing(spacing(0, 0));
    let footer = paragraph_style(FOOTER, "footer")
        .size(18)
        .align(AlignmentType::Center)
        .line_spacing(spacing(0, 0));
    vec![
        normal, title, subtitle, section, heading_1, heading_2, list, table_text, signature,
        header, footer,
    ]
}

fn list_level(format: &str, text: &str) -> Level {
    Level::new(
        0,
        Start::new(1),
        NumberFormat::new(format),
        LevelText::new(text),
        LevelJc::new("left"),
    )
    .indent(
        Some(LIST_LEFT),
        Some(SpecialIndentType::Hanging(LIST_HANGING)),
        None,
        None,
    )
    .fonts(fonts())
}

/// Adds the styles, document defaults and list definitions to a new document.
pub fn install(docx: Docx) -> Docx {
    let mut docx = docx
        .default_fonts(fonts())
        .default_size(BODY_SIZE)
        .add_abstract_numbering(
            AbstractNumbering::new(BULLET_ABSTRACT_ID).add_level(list_level("bullet", "–")),
        )
        .add_numbering(docx_rs::Numbering::new(BULLET_NUM_ID, BULLET_ABSTRACT_ID))
        .add_abstract_numbering(
            AbstractNumbering::new(ORDERED_ABSTRACT_ID).add_level(list_level("decimal", "%1.")),
        );
    for style in all_styles() {
        docx = docx.add_style(style);
    }
    docx
}
