//! The demo's register beyond its five members: the Val de Brenne's other actors, one or
//! more in each of the guide's cartography categories and at every status of the
//! pipeline, their links, the candidates' scores (two of them tied) and the proximity log
//! (with its friction points). Positions in the demo's actors
//! ([`super::DemoAlliance::actors`]): the five members are 0 to 4 ([`super::MEMBERS`]),
//! these actors follow from 5 in the order of [`ACTORS`](actors::ACTORS).

mod actors;
mod exchanges;
mod interactions;
mod scores;

pub(super) use actors::actors;
pub(super) use exchanges::exchanges;
pub(super) use interactions::interactions;
pub(super) use scores::scores;

// Positions of the members (see `super::MEMBERS`) and of the actors below.
const MSVB: usize = 0;
const JARDINS: usize = 1;
const CULTURE: usize = 2;
const ADRV: usize = 3;
const SPORT: usize = 4;
const COMMUNAUTE: usize = 5;
const DEPARTEMENT: usize = 6;
const DDETS: usize = 7;
const CRESS: usize = 8;
const UNIVERSITE: usize = 9;
const GROUPEMENT: usize = 10;
const DLA: usize = 11;
const BANQUE: usize = 12;
const CABINET: usize = 13;
const COLLECTIF: usize = 14;
const BENEVOLAT: usize = 15;
const JOURNAL: usize = 16;
