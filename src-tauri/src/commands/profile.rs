//! The association's own profile.

use allia_core::Organisation;

store_commands! {
    fn profile_get() -> Option<Organisation> = |store| store.profile();
    fn profile_save(profile: Organisation) -> Organisation = |store| store.save_profile(&profile);
}
