//! The SWOT items' reorder rule: where each item sits ([`SwotPlace`]), moving one within
//! or across quadrants ([`move_item`], refused as [`SwotMoveError`] says), and the dense
//! positions left after an item goes ([`compact`]).

use super::{SwotQuadrant, SWOT_ITEMS_PER_QUADRANT_MAX};

/// Where one item sits: what the reorder rule reads and returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwotPlace {
    pub id: String,
    pub quadrant: SwotQuadrant,
    pub position: u32,
}

/// Why a move is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SwotMoveError {
    #[error("Cet élément du diagnostic n’existe plus.")]
    UnknownItem,
    #[error("Ce quadrant compte déjà {max} éléments, le plus qu’une page puisse montrer.")]
    QuadrantFull { max: usize },
}

/// The reorder rule: moves item `id` to `index` (0-based, clamped to the end) among
/// the items of quadrant `to`, which may be its own quadrant or another, and gives every
/// item its new place, positions dense from 0 in each quadrant in their former order
/// otherwise. Returns the places of all items, in [`SwotQuadrant::ALL`] order then by
/// position.
///
/// # Errors
/// [`SwotMoveError::UnknownItem`] when `id` is not among `items`;
/// [`SwotMoveError::QuadrantFull`] when `to` is another quadrant that already holds
/// [`SWOT_ITEMS_PER_QUADRANT_MAX`] items.
pub fn move_item(
    items: &[SwotPlace],
    id: &str,
    to: SwotQuadrant,
    index: usize,
) -> Result<Vec<SwotPlace>, SwotMoveError> {
    let moved = items
        .iter()
        .find(|p| p.id == id)
        .ok_or(SwotMoveError::UnknownItem)?;
    let mut out = Vec::with_capacity(items.len());
    for quadrant in SwotQuadrant::ALL {
        let mut ids: Vec<(u32, &str)> = items
            .iter()
            .filter(|p| p.quadrant == quadrant && p.id != id)
            .map(|p| (p.position, p.id.as_str()))
            .collect();
        ids.sort();
        let mut ordered: Vec<&str> = ids.into_iter().map(|(_, id)| id).collect();
        if quadrant == to {
            if moved.quadrant != to && ordered.len() >= SWOT_ITEMS_PER_QUADRANT_MAX {
                return Err(SwotMoveError::QuadrantFull {
                    max: SWOT_ITEMS_PER_QUADRANT_MAX,
                });
            }
            ordered.insert(index.min(ordered.len()), id);
        }
        out.extend(ordered.into_iter().enumerate().map(|(i, id)| SwotPlace {
            id: id.to_string(),
            quadrant,
            position: u32::try_from(i).unwrap_or(u32::MAX),
        }));
    }
    Ok(out)
}

/// Dense positions after an item left: the places of `items` in each quadrant
/// renumbered from 0 in their order.
pub fn compact(items: &[SwotPlace]) -> Vec<SwotPlace> {
    let mut out = Vec::with_capacity(items.len());
    for quadrant in SwotQuadrant::ALL {
        let mut ids: Vec<(u32, &str)> = items
            .iter()
            .filter(|p| p.quadrant == quadrant)
            .map(|p| (p.position, p.id.as_str()))
            .collect();
        ids.sort();
        out.extend(ids.into_iter().enumerate().map(|(i, (_, id))| SwotPlace {
            id: id.to_string(),
            quadrant,
            position: u32::try_from(i).unwrap_or(u32::MAX),
        }));
    }
    out
}
