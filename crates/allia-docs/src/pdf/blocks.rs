//! Document blocks → pagination units: how each kind of block is set, with the measures
//! of the [`Theme`].

use crate::model::{Align, Block, List, Paragraph, Run};

use super::fonts::{Face, Fonts};
use super::layout::{Item, Unit};
use super::linebreak::break_lines;
use super::theme::{Heading, Style, Theme};
use super::{chart, signatures, tables};

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
                baseline: k as f32 * style.leading + style.baseline_in_line(),
                size: style.size,
                line,
                justify: (align == Align::Justify).then_some(width),
                grey: false,
            }
        })
        .collect()
}

/// The model's runs with the face each one is set in.
pub fn runs_of(runs: &[Run]) -> Vec<(Face, &str)> {
    runs.iter()
        .map(|r| (Face::new(r.bold, r.italic), r.text.as_str()))
        .collect()
}

/// Collects the units of a whole document.
pub struct Builder<'a> {
    pub fonts: &'a Fonts,
    pub theme: &'a Theme,
    pub units: Vec<Unit>,
    /// Table header units, repeated when a table continues on a new page.
    pub headers: Vec<Unit>,
    /// For each block given to [`Builder::block`], in order, the index of its first unit
    /// (its units run to the next block's first).
    pub starts: Vec<usize>,
}

impl<'a> Builder<'a> {
    pub fn new(fonts: &'a Fonts, theme: &'a Theme) -> Builder<'a> {
        Builder {
            fonts,
            theme,
            units: Vec::new(),
            headers: Vec::new(),
            starts: Vec::new(),
        }
    }

    pub fn block(&mut self, block: &Block) {
        let theme = self.theme;
        let first = self.units.len();
        self.starts.push(first);
        self.block_units(block, theme);
        if let Some(unit) = self.units.get_mut(first) {
            unit.block_start = true;
        }
    }

    fn block_units(&mut self, block: &Block, theme: &Theme) {
        match block {
            Block::Title { title, subtitle } => self.title(title, subtitle.as_deref()),
            Block::Section { text } => self.heading(text, theme.section),
            Block::Article { heading, .. } => self.heading(heading, theme.article),
            Block::SubArticle { heading, .. } => self.heading(heading, theme.sub_article),
            Block::Paragraph(p) => self.paragraph(p),
            Block::List(list) => self.list(list),
            Block::Table(table) => tables::table(self, table),
            Block::Signatures(s) => signatures::block(self, s),
            Block::Key { lines } => self.key(lines),
            Block::Chart(chart) => chart::chart(self, chart),
            Block::PageBreak => self.units.push(Unit {
                page_break: true,
                ..Unit::default()
            }),
        }
    }

    /// Lines of `runs` across the whole body width.
    pub fn body_lines(&self, runs: &[(Face, &str)], style: Style, align: Align) -> Vec<Item> {
        let page = &self.theme.page;
        text_lines(self.fonts, runs, page.left, page.body_width, style, align)
    }

    fn title(&mut self, title: &str, subtitle: Option<&str>) {
        let theme = self.theme.title;
        let page = self.theme.page;
        let mut items = self.body_lines(&[(Face::Bold, title)], theme.title, Align::Center);
        let mut height = items.len() as f32 * theme.title.leading;
        if let Some(sub) = subtitle.filter(|s| !s.trim().is_empty()) {
            height += theme.subtitle_gap;
            let sub_items = self.body_lines(&[(Face::Italic, sub)], theme.subtitle, Align::Center);
            let top = height;
            height += sub_items.len() as f32 * theme.subtitle.leading;
            items.extend(sub_items.into_iter().map(|i| i.shifted(top)));
        }
        // A short centred rule under the title, as on a notary's deed.
        height += theme.rule_gap;
        let middle = page.left + page.body_width / 2.0;
        items.push(Item::rule(
            middle - theme.rule_half_width,
            middle + theme.rule_half_width,
            height,
            theme.rule,
        ));
        height += theme.after;
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
        let theme = self.theme.key;
        let page = self.theme.page;
        let style = theme.style;
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
            * style.size
            / 1000.0;
        // A gap of one em between groups; columns shrink to the body width if need be
        // (a group wider than its column then wraps, still legible).
        let cell = (widest + style.size).min(page.body_width / columns as f32);
        let left = page.left + (page.body_width - cell * columns as f32) / 2.0;
        let mut items = Vec::new();
        let mut y = theme.pad;
        for row in &rows {
            let mut row_height = style.leading;
            for (c, group) in row.iter().enumerate() {
                let lines = text_lines(
                    self.fonts,
                    &[(Face::Bold, group)],
                    left + c as f32 * cell,
                    cell,
                    style,
                    Align::Center,
                );
                row_height = row_height.max(lines.len() as f32 * style.leading);
                items.extend(lines.into_iter().map(|i| i.shifted(y)));
            }
            y += row_height;
        }
        let height = y + theme.pad;
        let (x1, x2) = (
            left - style.size / 2.0,
            left + cell * columns as f32 + style.size / 2.0,
        );
        for rule_y in [0.0, height] {
            items.push(Item::rule(x1, x2, rule_y, theme.rule));
        }
        self.units.push(Unit {
            height,
            space_before: theme.space_before,
            items,
            ..Unit::default()
        });
    }

    /// A heading: one unit kept with the next (whose first two lines are glued).
    fn heading(&mut self, text: &str, heading: Heading) {
        let items = self.body_lines(&[(heading.face, text)], heading.style, heading.align);
        if items.is_empty() {
            return;
        }
        self.units.push(Unit {
            height: items.len() as f32 * heading.style.leading + heading.after,
            space_before: heading.before,
            keep_with_next: true,
            items,
            ..Unit::default()
        });
    }

    fn paragraph(&mut self, p: &Paragraph) {
        let body = self.theme.body;
        let items = self.body_lines(&runs_of(&p.runs), body, p.align);
        self.push_lines(items, Vec::new(), self.theme.paragraph_space, body);
        // « Et » between two parties never ends a page alone.
        if p.is_connective() {
            if let Some(last) = self.units.last_mut() {
                last.keep_with_next = true;
            }
        }
    }

    fn list(&mut self, list: &List) {
        let theme = self.theme.list;
        let (page, body) = (self.theme.page, self.theme.body);
        for (k, item) in list.items.iter().enumerate() {
            let items = text_lines(
                self.fonts,
                &runs_of(item),
                page.left + theme.indent,
                page.body_width - theme.indent,
                body,
                Align::Justify,
            );
            let (marker, marker_x) = if list.ordered {
                (format!("{}.", k + 1), theme.number_x)
            } else {
                ("–".to_string(), theme.bullet_x)
            };
            let marker_items = text_lines(
                self.fonts,
                &[(Face::Regular, &marker)],
                page.left + marker_x,
                theme.indent,
                body,
                Align::Left,
            );
            let space = if k == 0 {
                self.theme.paragraph_space
            } else {
                theme.item_space
            };
            let first = self.units.len();
            self.push_lines(items, marker_items, space, body);
            if let Some(unit) = self.units.get_mut(first) {
                unit.block_start = true;
            }
        }
    }

    /// Pushes one unit per line, gluing the first two and the last two lines so a page
    /// break never leaves a single line of the paragraph alone. `first_extra` items (a list
    /// marker) go with the first line.
    fn push_lines(&mut self, lines: Vec<Item>, first_extra: Vec<Item>, space: f32, style: Style) {
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
            let mut items = vec![line.shifted(-(k as f32) * style.leading)];
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
