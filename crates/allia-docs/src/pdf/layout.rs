//! What the block builder produces and pagination moves: positioned items grouped in
//! units.
//!
//! Blocks become `Unit`s (a heading, one paragraph line, a table row, the signature
//! block…), each with its height and whether it must stay on the page of the next one.

use super::linebreak::Line;

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
    /// A vector path (a chart's lines and marks).
    Path(Path),
}

/// A path of straight segments and cubic Bézier curves, stroked and/or filled.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    /// From the top of the unit (then of the page), y downwards. A point marked
    /// `control` is a Bézier handle: two of them come before each curve's end point.
    pub points: Vec<PathPoint>,
    /// Closed back to its first point (a mark); open, a line.
    pub closed: bool,
    pub stroke: Option<PathStroke>,
    /// Filled with this grey level (0 black, 1 white).
    pub fill: Option<f32>,
}

/// One point of a [`Path`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PathPoint {
    pub x: f32,
    pub y: f32,
    pub control: bool,
}

/// How a [`Path`] is stroked.
#[derive(Debug, Clone, PartialEq)]
pub struct PathStroke {
    pub thickness: f32,
    pub grey: f32,
    /// Dash and gap lengths in points, alternating; empty for a solid line. Drawn with
    /// round caps, so a dash of 0 is a dot.
    pub dash: Vec<f32>,
}

impl Item {
    /// The same item `dy` points lower.
    pub fn shifted(mut self, dy: f32) -> Item {
        match &mut self {
            Item::Text { baseline, .. } => *baseline += dy,
            Item::Rule { y, .. } => *y += dy,
            Item::Path(path) => path.points.iter_mut().for_each(|p| p.y += dy),
        }
        self
    }

    /// A rule across `x1..x2` at `y`.
    pub fn rule(x1: f32, x2: f32, y: f32, stroke: super::theme::Stroke) -> Item {
        Item::Rule {
            x1,
            x2,
            y,
            thickness: stroke.thickness,
            grey: stroke.grey,
        }
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
    /// The first unit of a block or of a list item: where a paragraph starts, for the
    /// signature block to take the whole last paragraph along.
    pub block_start: bool,
}
