//! Page geometry, the laid-out items, and pagination.
//!
//! Blocks become `Unit`s (a heading, one paragraph line, a table row, the signature
//! block…), each with its height and whether it must stay on the page of the next one.
//! Pagination then fills pages with chains of units that must stay together, which gives
//! headings kept with what follows and no widows or orphans with one simple rule.

use super::linebreak::Line;

/// A4 in PostScript points, as pdfinfo reports it.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MM: f32 = 72.0 / 25.4;
pub const MARGIN_LEFT: f32 = 25.0 * MM;
pub const MARGIN_RIGHT: f32 = 25.0 * MM;
pub const BODY_TOP: f32 = 25.0 * MM;
/// Body bottom: 20 mm margin plus the footer band.
pub const BODY_BOTTOM: f32 = PAGE_HEIGHT - 28.0 * MM;
pub const BODY_WIDTH: f32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
pub const BODY_HEIGHT: f32 = BODY_BOTTOM - BODY_TOP;
/// Tolerance for accumulated float error when checking whether something fits.
const FIT: f32 = BODY_HEIGHT + 0.01;

/// Something to draw, positioned from the top of its unit (then of its page).
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text {
        x: f32,
        /// Baseline, measured downwards.
        baseline: f32,
        size: f32,
        line: Line,
        /// Justify to this width (points) unless the line is a paragraph's last.
        justify: Option<f32>,
        grey: bool,
    },
    Rule {
        x1: f32,
        x2: f32,
        y: f32,
        thickness: f32,
        grey: f32,
    },
}

impl Item {
    fn shifted(&self, dy: f32) -> Item {
        let mut item = self.clone();
        match &mut item {
            Item::Text { baseline, .. } => *baseline += dy,
            Item::Rule { y, .. } => *y += dy,
        }
        item
    }
}

/// The smallest thing pagination moves.
#[derive(Debug, Clone, Default)]
pub struct Unit {
    pub height: f32,
    /// Vertical space above, dropped at the top of a page.
    pub space_before: f32,
    /// Must end up on the same page as the next unit.
    pub keep_with_next: bool,
    pub items: Vec<Item>,
    /// A table body row: when a page starts with it, the table's header (index into the
    /// header list) is repeated first.
    pub repeat_header: Option<usize>,
    /// A forced page break.
    pub page_break: bool,
}

/// Fills pages with units; returns each page's items, positioned from the page top.
pub fn paginate(units: &[Unit], headers: &[Unit]) -> Vec<Vec<Item>> {
    let mut pager = Pager {
        pages: vec![Vec::new()],
        y: 0.0,
        empty: true,
    };
    let mut i = 0;
    while i < units.len() {
        if units[i].page_break {
            pager.new_page();
            i += 1;
            continue;
        }
        let mut end = i;
        while end + 1 < units.len() && units[end].keep_with_next && !units[end + 1].page_break {
            end += 1;
        }
        let chain = &units[i..=end];
        let header = units[i].repeat_header.and_then(|h| headers.get(h));
        let here = chain_height(chain, pager.empty);
        let fresh = chain_height(chain, true) + header.map_or(0.0, |h| h.height);
        if pager.y + here > FIT && !pager.empty && fresh <= FIT {
            pager.new_page();
        }
        for unit in chain {
            if pager.y + space(unit, pager.empty) + unit.height > FIT && !pager.empty {
                pager.new_page();
            }
            if pager.empty {
                if let Some(h) = unit.repeat_header.and_then(|h| headers.get(h)) {
                    pager.place(h);
                }
            }
            pager.place(unit);
        }
        i = end + 1;
    }
    if pager.pages.len() > 1 && pager.empty {
        pager.pages.pop();
    }
    pager.pages
}

struct Pager {
    pages: Vec<Vec<Item>>,
    y: f32,
    empty: bool,
}

impl Pager {
    fn new_page(&mut self) {
        if !self.empty {
            self.pages.push(Vec::new());
            self.y = 0.0;
            self.empty = true;
        }
    }

    fn place(&mut self, unit: &Unit) {
        self.y += space(unit, self.empty);
        let top = BODY_TOP + self.y;
        if let Some(page) = self.pages.last_mut() {
            page.extend(unit.items.iter().map(|item| item.shifted(top)));
        }
        self.y += unit.height;
        self.empty = false;
    }
}

fn space(unit: &Unit, at_top: bool) -> f32 {
    if at_top {
        0.0
    } else {
        unit.space_before
    }
}

fn chain_height(chain: &[Unit], at_top: bool) -> f32 {
    chain
        .iter()
        .enumerate()
        .map(|(k, u)| space(u, at_top && k == 0) + u.height)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(height: f32, keep: bool) -> Unit {
        Unit {
            height,
            keep_with_next: keep,
            items: vec![Item::Rule {
                x1: 0.0,
                x2: 1.0,
                y: 0.0,
                thickness: 1.0,
                grey: 0.0,
            }],
            ..Unit::default()
        }
    }

    #[test]
    fn a_chain_moves_to_the_next_page_whole() {
        let mut units: Vec<Unit> = (0..10).map(|_| unit(BODY_HEIGHT / 11.0, false)).collect();
        units.push(unit(BODY_HEIGHT / 11.0, true));
        units.push(unit(BODY_HEIGHT / 11.0, false));
        let pages = paginate(&units, &[]);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].len(), 10);
        assert_eq!(pages[1].len(), 2);
    }

    #[test]
    fn a_chain_taller_than_a_page_is_split() {
        let units: Vec<Unit> = (0..30).map(|_| unit(BODY_HEIGHT / 10.0, true)).collect();
        let pages = paginate(&units, &[]);
        assert_eq!(pages.len(), 3);
    }
}
