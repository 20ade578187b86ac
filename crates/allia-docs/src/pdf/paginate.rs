//! Pagination: fills pages with chains of units that must stay together, which gives
//! headings kept with what follows and no widows or orphans with one simple rule.

use super::layout::{Item, Unit};
use super::theme::Theme;

/// Filled pages: each page's items, positioned from the page top, and where each unit
/// went.
pub struct Paged {
    pub pages: Vec<Vec<Item>>,
    /// For each unit (same index), the page it was placed on; `None` for a page break.
    pub unit_pages: Vec<Option<usize>>,
}

/// Fills pages with units.
pub fn paginate(theme: &Theme, units: &[Unit], headers: &[Unit]) -> Paged {
    let mut pager = Pager {
        top: theme.page.top,
        pages: vec![Vec::new()],
        y: 0.0,
        empty: true,
    };
    let mut unit_pages = vec![None; units.len()];
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
        if !theme.fits(pager.y + here) && !pager.empty && theme.fits(fresh) {
            pager.new_page();
        }
        for (k, unit) in chain.iter().enumerate() {
            if !theme.fits(pager.y + space(unit, pager.empty) + unit.height) && !pager.empty {
                pager.new_page();
            }
            if pager.empty {
                if let Some(h) = unit.repeat_header.and_then(|h| headers.get(h)) {
                    pager.place(h);
                }
            }
            pager.place(unit);
            unit_pages[i + k] = Some(pager.pages.len() - 1);
        }
        i = end + 1;
    }
    if pager.pages.len() > 1 && pager.empty {
        pager.pages.pop();
    }
    Paged {
        pages: pager.pages,
        unit_pages,
    }
}

struct Pager {
    /// The body's top on the page.
    top: f32,
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
        let top = self.top + self.y;
        if let Some(page) = self.pages.last_mut() {
            page.extend(unit.items.iter().map(|item| item.clone().shifted(top)));
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

/// Height of units placed one after the other, from the top of a page when `at_top`.
pub fn chain_height(chain: &[Unit], at_top: bool) -> f32 {
    chain
        .iter()
        .enumerate()
        .map(|(k, u)| space(u, at_top && k == 0) + u.height)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY_HEIGHT: f32 = Theme::A4.page.body_height;

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
        let paged = paginate(&Theme::A4, &units, &[]);
        let pages = &paged.pages;
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].len(), 10);
        assert_eq!(pages[1].len(), 2);
        assert_eq!(paged.unit_pages[9], Some(0));
        assert_eq!(paged.unit_pages[10], Some(1));
    }

    #[test]
    fn a_chain_taller_than_a_page_is_split() {
        let units: Vec<Unit> = (0..30).map(|_| unit(BODY_HEIGHT / 10.0, true)).collect();
        let pages = paginate(&Theme::A4, &units, &[]).pages;
        assert_eq!(pages.len(), 3);
    }
}
