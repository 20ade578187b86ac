//! The marks on a series' points (a filled disc, an open square, a filled triangle) and
//! how many points are drawn: a line of thousands of points keeps, in each one-point
//! column of the page, its lowest and highest, which looks the same and draws fast; the
//! marks are spread over at most [`MARKS_MAX`] points.

use crate::chart::MarkerShape;

use super::super::layout::{Item, Path, PathPoint, PathStroke};
use super::super::theme::ChartBlock;

/// Most marks drawn on one series: more would merge into a thick line.
pub const MARKS_MAX: usize = 60;
/// Below this many points a line is drawn through every one.
const LINE_WHOLE_MAX: usize = 600;
/// Columns per point of the page when a line is thinned.
const COLUMNS_PER_POINT: f32 = 1.0;
/// The Bézier handle of a quarter circle, as a share of its radius.
const KAPPA: f32 = 0.552_284_8;

/// The points of a line, in order, thinned when there are many: in each column, its
/// lowest and highest points (in their order), so peaks stay; the line's first and last
/// points always.
pub fn thin_line(points: &[(f32, f32)]) -> Vec<(f32, f32)> {
    if points.len() <= LINE_WHOLE_MAX {
        return points.to_vec();
    }
    let mut kept: Vec<(f32, f32)> = Vec::new();
    let mut column: Vec<(f32, f32)> = Vec::new();
    let mut current = None;
    let flush = |column: &mut Vec<(f32, f32)>, kept: &mut Vec<(f32, f32)>| {
        if column.is_empty() {
            return;
        }
        let lowest = column
            .iter()
            .enumerate()
            .max_by(|a, b| a.1 .1.total_cmp(&b.1 .1))
            .map_or(0, |(k, _)| k);
        let highest = column
            .iter()
            .enumerate()
            .min_by(|a, b| a.1 .1.total_cmp(&b.1 .1))
            .map_or(0, |(k, _)| k);
        let mut picks = vec![lowest, highest];
        picks.sort_unstable();
        picks.dedup();
        kept.extend(picks.into_iter().map(|k| column[k]));
        column.clear();
    };
    for &(x, y) in points {
        let key = (x * COLUMNS_PER_POINT).floor() as i64;
        if current != Some(key) {
            flush(&mut column, &mut kept);
            current = Some(key);
        }
        column.push((x, y));
    }
    flush(&mut column, &mut kept);
    if let (Some(&first), Some(&last)) = (points.first(), points.last()) {
        if kept.first() != Some(&first) {
            kept.insert(0, first);
        }
        if kept.last() != Some(&last) {
            kept.push(last);
        }
    }
    kept
}

/// The points to mark: all of them up to [`MARKS_MAX`], else that many spread evenly,
/// the first and the last among them.
pub fn thin_marks(points: &[(f32, f32)]) -> Vec<(f32, f32)> {
    let n = points.len();
    if n <= MARKS_MAX {
        return points.to_vec();
    }
    (0..MARKS_MAX)
        .map(|k| points[k * (n - 1) / (MARKS_MAX - 1)])
        .collect()
}

/// The mark of `shape` centred on (x, y); nothing for [`MarkerShape::None`].
pub fn mark(shape: MarkerShape, x: f32, y: f32, theme: &ChartBlock) -> Option<Item> {
    let r = theme.mark;
    let at = |x: f32, y: f32, control: bool| PathPoint { x, y, control };
    let (points, fill, stroke) = match shape {
        MarkerShape::None => return None,
        MarkerShape::Circle => {
            let k = r * KAPPA;
            let points = vec![
                at(x + r, y, false),
                at(x + r, y + k, true),
                at(x + k, y + r, true),
                at(x, y + r, false),
                at(x - k, y + r, true),
                at(x - r, y + k, true),
                at(x - r, y, false),
                at(x - r, y - k, true),
                at(x - k, y - r, true),
                at(x, y - r, false),
                at(x + k, y - r, true),
                at(x + r, y - k, true),
                at(x + r, y, false),
            ];
            (points, 0.0, None)
        }
        MarkerShape::Square => {
            let h = r * 0.9;
            let points = vec![
                at(x - h, y - h, false),
                at(x + h, y - h, false),
                at(x + h, y + h, false),
                at(x - h, y + h, false),
            ];
            // Open (white inside), so it differs from the filled marks at a glance.
            let stroke = PathStroke {
                thickness: theme.line * 0.9,
                grey: 0.0,
                dash: Vec::new(),
            };
            (points, 1.0, Some(stroke))
        }
        MarkerShape::Triangle => {
            let h = r * 1.25;
            let points = vec![
                at(x, y - h, false),
                at(x + h, y + h * 0.7, false),
                at(x - h, y + h * 0.7, false),
            ];
            (points, 0.0, None)
        }
    };
    Some(Item::Path(Path {
        points,
        closed: true,
        stroke,
        fill: Some(fill),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_thinned_and_keeps_its_peaks() {
        let points: Vec<(f32, f32)> = (0..3600)
            .map(|k| {
                (
                    k as f32 * 0.12,
                    if k == 1800 {
                        0.0
                    } else {
                        100.0 + (k % 7) as f32
                    },
                )
            })
            .collect();
        let thin = thin_line(&points);
        assert!(thin.len() < points.len() / 2, "{}", thin.len());
        assert!(thin.contains(&(1800.0 * 0.12, 0.0)), "the peak stays");
        assert_eq!(thin.first(), points.first());
        assert_eq!(thin.last(), points.last());
        assert!(thin.windows(2).all(|w| w[0].0 <= w[1].0), "in order");
    }

    #[test]
    fn marks_are_spread_over_at_most_sixty_points() {
        let points: Vec<(f32, f32)> = (0..3600).map(|k| (k as f32, 0.0)).collect();
        let marks = thin_marks(&points);
        assert_eq!(marks.len(), MARKS_MAX);
        assert_eq!(marks.first(), points.first());
        assert_eq!(marks.last(), points.last());
        assert_eq!(thin_marks(&points[..3]).len(), 3);
        assert!(thin_marks(&[]).is_empty());
    }
}
