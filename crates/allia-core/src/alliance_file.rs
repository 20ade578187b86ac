//! Everything a contract needs about one alliance, in one value: the association's
//! profile, the alliance and its partners. It is also the alliance file that partners
//! exchange (JSON).

use serde::{Deserialize, Serialize};

use crate::alliance::AllianceDraft;
use crate::organisation::Organisation;
use crate::partner::PartnerDraft;

/// Version of the alliance file format.
pub const ALLIANCE_FILE_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AllianceFile {
    pub format: u32,
    /// The association that produced the file (first party of its contracts).
    pub profile: Option<Organisation>,
    pub alliance: AllianceDraft,
    pub partners: Vec<PartnerDraft>,
}
