//! Every measure of the printed page in one place: page geometry, text styles, the space
//! around each kind of block, rules, and the one tolerance pagination fits with. Built
//! once ([`Theme::A4`]) and read by the block builder, the pagination and the drawing.
//!
//! Lengths are PostScript points (1/72 in), downwards from the top of the page.

use crate::model::Align;

use super::fonts::Face;

/// Millimetres to points.
pub const MM: f32 = 72.0 / 25.4;

/// Size and line height of a text style, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub size: f32,
    pub leading: f32,
}

impl Style {
    /// Where the baseline sits inside a line box of `leading`.
    pub fn baseline_in_line(self) -> f32 {
        (self.leading - self.size) / 2.0 + self.size * 0.82
    }
}

/// A horizontal rule's stroke: thickness in points, grey level (0 black, 1 white).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub thickness: f32,
    pub grey: f32,
}

/// The paper and the body's frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Page {
    /// A4, as pdfinfo reports it.
    pub width: f32,
    pub height: f32,
    /// Left edge of the body.
    pub left: f32,
    /// Top of the body.
    pub top: f32,
    pub body_width: f32,
    /// From the body's top to its bottom (the bottom margin holds the footer).
    pub body_height: f32,
}

/// A heading kept with what follows: one face, one style, space above and below.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Heading {
    pub face: Face,
    pub style: Style,
    pub align: Align,
    pub before: f32,
    pub after: f32,
}

/// The title block of the first page: title, subtitle, a short centred rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TitleBlock {
    pub title: Style,
    pub subtitle: Style,
    /// Between the title and the subtitle.
    pub subtitle_gap: f32,
    /// From the last line to the rule.
    pub rule_gap: f32,
    /// Half the rule's length, around the middle of the body.
    pub rule_half_width: f32,
    pub rule: Stroke,
    /// Below the rule.
    pub after: f32,
}

/// Lists: the text indented, the marker in the indent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ListBlock {
    pub indent: f32,
    /// Marker offsets from the body's left edge: « 1. » and « – ».
    pub number_x: f32,
    pub bullet_x: f32,
    /// Above each item but the first (which takes the paragraph space).
    pub item_space: f32,
}

/// Tables: cell text, padding and rules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TableBlock {
    pub cell: Style,
    pub pad_x: f32,
    pub pad_y: f32,
    pub space_before: f32,
    /// Above the first row and below the last.
    pub edge: Stroke,
    /// Below the header row.
    pub header_rule: Stroke,
    /// Between body rows.
    pub row_rule: Stroke,
    /// A row taller than this share of the body height is split line by line.
    pub tall_row: f32,
}

/// The signature block.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SignatureBlock {
    pub space_before: f32,
    /// Between the « Fait à » sentence and the signatories.
    pub after_sentence: f32,
    /// Between two signatories' columns.
    pub column_gap: f32,
    /// The blank left for a handwritten signature.
    pub signing_space: f32,
    /// Below each row of signatories, after the signing space.
    pub row_gap: f32,
}

/// The recovery key: large groups between two rules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeyBlock {
    pub style: Style,
    /// Between each rule and the text.
    pub pad: f32,
    pub space_before: f32,
    pub rule: Stroke,
}

/// A chart ([`crate::chart`]): its title, axis labels and legend, its plot's height, the
/// strokes of its axes, grid and series, and the size of its marks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartBlock {
    pub title: Style,
    /// The axes' numbers and months, the unit.
    pub label: Style,
    pub legend: Style,
    /// The plot's height as a share of the body width (the chart is as wide as the text).
    pub plot_height: f32,
    pub space_before: f32,
    /// Between the title and the plot, the plot and its x labels, the labels and the legend.
    pub gap: f32,
    /// The length of a tick on an axis.
    pub tick: f32,
    pub axis: Stroke,
    /// The horizontal lines at each value labelled.
    pub grid: Stroke,
    /// The series' lines (black, whatever their dashes).
    pub line: f32,
    /// Half the width of a mark (circle, square, triangle).
    pub mark: f32,
    /// Dash and gap of a dashed line; the gap between the dots of a dotted one.
    pub dash: [f32; 2],
    pub dot_gap: f32,
    /// The length of a line's sample in the legend.
    pub sample: f32,
}

/// Running header (from page 2) and footer, in small grey type in the margins.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    pub size: f32,
    pub grey: f32,
    pub header_baseline: f32,
    pub header_rule_y: f32,
    pub header_rule: Stroke,
    pub footer_baseline: f32,
}

/// The initials area (« Paraphes ») of the footer: a label, then one box per signatory,
/// at the right of the band between the body and the footer line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InitialsArea {
    /// From the body's bottom to the boxes' top.
    pub top: f32,
    pub box_height: f32,
    /// The widest a box gets (fewer signatories).
    pub box_width: f32,
    pub gap: f32,
    /// The share of the body width all the boxes may take together.
    pub max_share: f32,
    /// Between the label and the first box.
    pub label_gap: f32,
    pub stroke: Stroke,
}

/// The whole typographic setting of a document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub page: Page,
    /// How much a chain of units may exceed the body height and still fit: room for
    /// accumulated float error, the one tolerance of every « does it fit » test.
    pub fit_tolerance: f32,
    pub body: Style,
    /// Above each paragraph.
    pub paragraph_space: f32,
    pub title: TitleBlock,
    /// « Entre les soussignés », « Préambule ».
    pub section: Heading,
    /// « Article 3 — Durée ».
    pub article: Heading,
    /// « 5.2 — Engagements de la Mairie ».
    pub sub_article: Heading,
    pub list: ListBlock,
    pub table: TableBlock,
    pub signatures: SignatureBlock,
    pub key: KeyBlock,
    pub chart: ChartBlock,
    pub margins: Margins,
    pub initials: InitialsArea,
}

const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN_LEFT: f32 = 25.0 * MM;
const MARGIN_RIGHT: f32 = 25.0 * MM;
const BODY_TOP: f32 = 25.0 * MM;
/// 20 mm margin plus the footer band.
const BODY_BOTTOM: f32 = PAGE_HEIGHT - 28.0 * MM;
const BODY: Style = Style {
    size: 11.0,
    leading: 11.0 * 1.35,
};

impl Theme {
    /// A4 portrait, 25 mm side margins, Liberation Serif 11 pt.
    pub const A4: Theme = Theme {
        page: Page {
            width: PAGE_WIDTH,
            height: PAGE_HEIGHT,
            left: MARGIN_LEFT,
            top: BODY_TOP,
            body_width: PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT,
            body_height: BODY_BOTTOM - BODY_TOP,
        },
        fit_tolerance: 0.01,
        body: BODY,
        paragraph_space: 6.0,
        title: TitleBlock {
            title: Style {
                size: 20.0,
                leading: 25.0,
            },
            subtitle: Style {
                size: 13.0,
                leading: 17.0,
            },
            subtitle_gap: 4.0,
            rule_gap: 10.0,
            rule_half_width: 40.0,
            rule: Stroke {
                thickness: 0.6,
                grey: 0.0,
            },
            after: 16.0,
        },
        section: Heading {
            face: Face::Bold,
            style: Style {
                size: 12.5,
                leading: 16.5,
            },
            align: Align::Center,
            before: 20.0,
            after: 6.0,
        },
        article: Heading {
            face: Face::Bold,
            style: Style {
                size: 11.5,
                leading: 15.0,
            },
            align: Align::Left,
            before: 14.0,
            after: 3.0,
        },
        sub_article: Heading {
            face: Face::BoldItalic,
            style: BODY,
            align: Align::Left,
            before: 9.0,
            after: 2.0,
        },
        list: ListBlock {
            indent: 24.0,
            number_x: 6.0,
            bullet_x: 10.0,
            item_space: 3.0,
        },
        table: TableBlock {
            cell: Style {
                size: 10.0,
                leading: 13.0,
            },
            pad_x: 4.0,
            pad_y: 3.5,
            space_before: 8.0,
            edge: Stroke {
                thickness: 0.8,
                grey: 0.0,
            },
            header_rule: Stroke {
                thickness: 0.5,
                grey: 0.35,
            },
            row_rule: Stroke {
                thickness: 0.3,
                grey: 0.7,
            },
            tall_row: 0.5,
        },
        signatures: SignatureBlock {
            space_before: 18.0,
            after_sentence: 10.0,
            column_gap: 14.0,
            // Room for a signature and a stamp, about the four blank lines of the DOCX:
            // twelve signatories in four rows then fit on one page with the text before.
            signing_space: 22.0 * MM,
            row_gap: 8.0,
        },
        key: KeyBlock {
            style: Style {
                size: 20.0,
                leading: 30.0,
            },
            pad: 10.0,
            space_before: 10.0,
            rule: Stroke {
                thickness: 1.2,
                grey: 0.0,
            },
        },
        chart: ChartBlock {
            title: Style {
                size: 11.0,
                leading: 14.0,
            },
            label: Style {
                size: 8.0,
                leading: 10.0,
            },
            legend: Style {
                size: 8.5,
                leading: 12.0,
            },
            plot_height: 0.36,
            space_before: 12.0,
            gap: 5.0,
            tick: 3.0,
            axis: Stroke {
                thickness: 0.7,
                grey: 0.0,
            },
            grid: Stroke {
                thickness: 0.3,
                grey: 0.8,
            },
            line: 1.1,
            mark: 2.8,
            dash: [5.0, 3.0],
            dot_gap: 2.6,
            sample: 26.0,
        },
        margins: Margins {
            size: 8.5,
            grey: 0.4,
            header_baseline: 15.0 * MM,
            header_rule_y: 17.5 * MM,
            header_rule: Stroke {
                thickness: 0.3,
                grey: 0.6,
            },
            footer_baseline: PAGE_HEIGHT - 14.0 * MM,
        },
        initials: InitialsArea {
            top: 2.5 * MM,
            box_height: 8.0 * MM,
            box_width: 16.0 * MM,
            gap: 2.0 * MM,
            max_share: 0.6,
            label_gap: 3.0 * MM,
            stroke: Stroke {
                thickness: 0.5,
                grey: 0.4,
            },
        },
    };

    /// This theme with its text set `factor` times its size (body, headings, title,
    /// lists, tables, and the space around them), the page, margins, footer and
    /// signature block unchanged: a one-page document (the diagnostic) steps its type
    /// down with it until it fits. `factor` is clamped to 0.5–1.
    pub fn scaled(&self, factor: f32) -> Theme {
        let k = factor.clamp(0.5, 1.0);
        let style = |s: Style| Style {
            size: s.size * k,
            leading: s.leading * k,
        };
        let heading = |h: Heading| Heading {
            style: style(h.style),
            before: h.before * k,
            after: h.after * k,
            ..h
        };
        let mut t = *self;
        t.body = style(self.body);
        t.paragraph_space = self.paragraph_space * k;
        t.title.title = style(self.title.title);
        t.title.subtitle = style(self.title.subtitle);
        t.title.subtitle_gap = self.title.subtitle_gap * k;
        t.title.rule_gap = self.title.rule_gap * k;
        t.title.after = self.title.after * k;
        t.section = heading(self.section);
        t.article = heading(self.article);
        t.sub_article = heading(self.sub_article);
        t.list.indent = self.list.indent * k;
        t.list.number_x = self.list.number_x * k;
        t.list.bullet_x = self.list.bullet_x * k;
        t.list.item_space = self.list.item_space * k;
        t.table.cell = style(self.table.cell);
        t.table.pad_x = self.table.pad_x * k;
        t.table.pad_y = self.table.pad_y * k;
        t.table.space_before = self.table.space_before * k;
        t
    }

    /// Whether something `height` tall fits in the body of one page.
    pub fn fits(&self, height: f32) -> bool {
        height <= self.page.body_height + self.fit_tolerance
    }

    /// The body's right edge.
    pub fn right(&self) -> f32 {
        self.page.left + self.page.body_width
    }
}
