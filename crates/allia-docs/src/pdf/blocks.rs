//! Document blocks → pagination units: typography of each block kind.

use crate::model::{Align, Block, List, Paragraph, Run};

use super::fonts::{Face, Fonts};
use super::layout::{Item, Unit, BODY_HEIGHT, BODY_WIDTH, MARGIN_LEFT, MM};
use super::linebreak::break_lines;
use super::tables;

pub const BODY_SIZE: f32 = 11.0;
pub const BODY_LEADING: f32 = BODY_SIZE * 1.35;
const PARAGRAPH_SPACE: f32 = 6.0;

/// A text style: face, size, line height.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub size: f32,
    pub leading: f32,
}

pub const BODY: Style = Style {
    size: BODY_SIZE,
    leading: BODY_LEADING,
};

/// The style of [`Block::Key`] groups: large enough to copy without a magnifier.
const KEY: Style = Style {
    size: 20.0,
    leading: 30.0,
};

/// Lays out styled runs in a column; one item per line, baselines from the column top.
pub fn text_lines(
    fonts: &Fonts,
    runs: &[(Face, &str)],
    x: f32,
    width: f32,
    style: Style,
    align: Align,
) -> Vec<Item> {
    let max = (width.max(1.0) * 1000.0 / style.size) as u32;
    let lines = break_lines(fonts, runs, max, align == Align::Justify);
    lines
        .into_iter()
        .enumerate()
        .map(|(k, line)| {
            let natural = line.width as f32 * style.size / 1000.0;
            let free = (width - natural).max(0.0);
            let x = match align {
                Align::Justify | Align::Left => x,
                Align::Center => x + free / 2.0,
                Align::Right => x + free,
            };
            Item::Text {
                x,
                baseline: k as f32 * style.leading + baseline_in_line(style),
                size: style.size,
                line,
                justify: (align == Align::Justify).then_some(width),
                grey: false,
            }
        })
        .collect()
}

/// Where the baseline sits inside a line box of `style.leading`.
pub fn baseline_in_line(style: Style) -> f32 {
    (style.leading - style.size) / 2.0 + style.size * 0.82
}

pub fn runs_of(runs: &[Run]) -> Vec<(Face, &str)> {
    runs.iter()
        .map(|r| (Face::new(r.bold, r.italic), r.text.as_str()))
        .collect()
}

/// Collects the units of a whole document.
pub struct Builder<'a> {
    pub fonts: &'a Fonts,
    pub units: Vec<Unit>,
    /// Table header units, repeated when a table continues on a new page.
    pub headers: Vec<Unit>,
}

impl<'a> Builder<'a> {
    pub fn new(fonts: &'a Fonts) -> Builder<'a> {
        Builder {
            fonts,
            units: Vec::new(),
            headers: Vec::new(),
        }
    }

    pub fn block(&mut self, block: &Block) {
        match block {
            Block::Title { title, subtitle } => self.title(title, subtitle.as_deref()),
            Block::Section { text } => {
                let style = Style {
                    size: 12.5,
                    leading: 16.5,
                };
                self.heading(&[(Face::Bold, text)], style, Align::Center, 20.0, 6.0);
            }
            Block::Article { number, title } => {
                let text = heading_text(&format!("Article {number}"), title);
                let style = Style {
                    size: 11.5,
                    leading: 15.0,
                };
                self.heading(&[(Face::Bold, &text)], style, Align::Left, 14.0, 3.0);
            }
            Block::SubArticle { number, title } => {
                let text = heading_text(number, title);
                self.heading(&[(Face::BoldItalic, &text)], BODY, Align::Left, 9.0, 2.0);
            }
            Block::Paragraph(p) => self.paragraph(p),
            Block::List(list) => self.list(list),
            Block::Table(table) => tables::table(self, table),
            Block::Signatures(s) => tables::signatures(self, s),
            Block::Key { lines } => self.key(lines),
            Block::PageBreak => self.units.push(Unit {
                page_break: true,
                ..Unit::default()
            }),
        }
    }

    fn title(&mut self, title: &str, subtitle: Option<&str>) {
        let big = Style {
            size: 20.0,
            leading: 25.0,
        };
        let mut items = text_lines(
            self.fonts,
            &[(Face::Bold, title)],
            MARGIN_LEFT,
            BODY_WIDTH,
            big,
            Align::Center,
        );
        let mut height = items.len() as f32 * big.leading;
        if let Some(sub) = subtitle.filter(|s| !s.trim().is_empty()) {
            let style = Style {
                size: 13.0,
                leading: 17.0,
            };
            height += 4.0;
            let sub_items = text_lines(
                self.fonts,
                &[(Face::Italic, sub)],
                MARGIN_LEFT,
                BODY_WIDTH,
                style,
                Align::Center,
            );
            let top = height;
            height += sub_items.len() as f32 * style.leading;
            items.extend(sub_items.into_iter().map(|i| shift(i, top)));
        }
        // A short centred rule under the title, as on a notary's deed.
        height += 10.0;
        let middle = MARGIN_LEFT + BODY_WIDTH / 2.0;
        items.push(Item::Rule {
            x1: middle - 40.0,
            x2: middle + 40.0,
            y: height,
            thickness: 0.6,
            grey: 0.0,
        });
        height += 16.0;
        self.units.push(Unit {
            height,
            keep_with_next: true,
            items,
            ..Unit::default()
        });
    }

    /// Large bold groups in a grid of equal columns, so that a key copied by hand reads
    /// row by row and column by column; a rule above and below. One unit: never split.
    fn key(&mut self, lines: &[String]) {
        let rows: Vec<Vec<&str>> = lines
            .iter()
            .map(|line| line.split_whitespace().collect::<Vec<_>>())
            .filter(|row| !row.is_empty())
            .collect();
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        if columns == 0 {
            return;
        }
        let widest = rows
            .iter()
            .flatten()
            .map(|group| self.fonts.text_width(Face::Bold, group))
            .max()
            .unwrap_or(0) as f32
            * KEY.size
            / 1000.0;
        // A gap of one em between groups; columns shrink to the body width if need be
        // (a group wider than its column then wraps, still legible).
        let cell = (widest + KEY.size).min(BODY_WIDTH / columns as f32);
        let left = MARGIN_LEFT + (BODY_WIDTH - cell * columns as f32) / 2.0;
        let pad = 10.0;
        let mut items = Vec::new();
        let mut y = pad;
        for row in &rows {
            let mut row_height = KEY.leading;
            for (c, group) in row.iter().enumerate() {
                let lines = text_lines(
                    self.fonts,
                    &[(Face::Bold, group)],
                    left + c as f32 * cell,
                    cell,
                    KEY,
                    Align::Center,
                );
                row_height = row_height.max(lines.len() as f32 * KEY.leading);
                items.extend(lines.into_iter().map(|i| shift(i, y)));
            }
            y += row_height;
        }
        let height = y + pad;
        let (x1, x2) = (
            left - KEY.size / 2.0,
            left + cell * columns as f32 + KEY.size / 2.0,
        );
        for rule_y in [0.0, height] {
            items.push(Item::Rule {
                x1,
                x2,
                y: rule_y,
                thickness: 1.2,
                grey: 0.0,
            });
        }
        self.units.push(Unit {
            height,
            space_before: 10.0,
            items,
            ..Unit::default()
        });
    }

    /// A heading: one unit kept with the next (whose first two lines are glued).
    fn heading(
        &mut self,
        runs: &[(Face, &str)],
        style: Style,
        align: Align,
        before: f32,
        after: f32,
    ) {
        let items = text_lines(self.fonts, runs, MARGIN_LEFT, BODY_WIDTH, style, align);
        if items.is_empty() {
            return;
        }
        self.units.push(Unit {
            height: items.len() as f32 * style.leading + after,
            space_before: before,
            keep_with_next: true,
            items,
            ..Unit::default()
        });
    }

    fn paragraph(&mut self, p: &Paragraph) {
        let runs = runs_of(&p.runs);
        let items = text_lines(self.fonts, &runs, MARGIN_LEFT, BODY_WIDTH, BODY, p.align);
        self.push_lines(items, Vec::new(), PARAGRAPH_SPACE, BODY);
    }

    fn list(&mut self, list: &List) {
        let indent = 24.0;
        for (k, item) in list.items.iter().enumerate() {
            let runs = runs_of(item);
            let items = text_lines(
                self.fonts,
                &runs,
                MARGIN_LEFT + indent,
                BODY_WIDTH - indent,
                BODY,
                Align::Justify,
            );
            let marker = if list.ordered {
                format!("{}.", k + 1)
            } else {
                "–".to_string()
            };
            let marker_x = if list.ordered {
                MARGIN_LEFT + 6.0
            } else {
                MARGIN_LEFT + 10.0
            };
            let marker_items = text_lines(
                self.fonts,
                &[(Face::Regular, &marker)],
                marker_x,
                indent,
                BODY,
                Align::Left,
            );
            let space = if k == 0 { PARAGRAPH_SPACE } else { 3.0 };
            self.push_lines(items, marker_items, space, BODY);
        }
    }

    /// Pushes one unit per line, gluing the first two and the last two lines so a page
    /// break never leaves a single line of the paragraph alone. `first_extra` items (a list
    /// marker) go with the first line.
    pub fn push_lines(
        &mut self,
        lines: Vec<Item>,
        first_extra: Vec<Item>,
        space: f32,
        style: Style,
    ) {
        let n = lines.len();
        if n == 0 {
            if !first_extra.is_empty() {
                self.units.push(Unit {
                    height: style.leading,
                    space_before: space,
                    items: first_extra,
                    ..Unit::default()
                });
            }
            return;
        }
        let mut extra = Some(first_extra);
        for (k, line) in lines.into_iter().enumerate() {
            let line = shift(line, -(k as f32) * style.leading);
            let mut items = vec![line];
            items.extend(extra.take().unwrap_or_default());
            self.units.push(Unit {
                height: style.leading,
                space_before: if k == 0 { space } else { 0.0 },
                keep_with_next: k == 0 && n > 1 || n >= 2 && k == n - 2,
                items,
                ..Unit::default()
            });
        }
    }
}

/// « Article 3 — Durée », or just « Article 3 » without a title.
fn heading_text(label: &str, title: &str) -> String {
    if title.trim().is_empty() {
        label.to_string()
    } else {
        format!("{label} — {title}")
    }
}

pub fn shift(item: Item, dy: f32) -> Item {
    match item {
        Item::Text {
            x,
            baseline,
            size,
            line,
            justify,
            grey,
        } => Item::Text {
            x,
            baseline: baseline + dy,
            size,
            line,
            justify,
            grey,
        },
        Item::Rule {
            x1,
            x2,
            y,
            thickness,
            grey,
        } => Item::Rule {
            x1,
            x2,
            y: y + dy,
            thickness,
            grey,
        },
    }
}

/// Height used by a block that must not be split when it fits on a page.
pub fn fits_on_a_page(height: f32) -> bool {
    height <= BODY_HEIGHT
}

/// The blank space left for a handwritten signature.
pub const SIGNING_SPACE: f32 = 30.0 * MM;
