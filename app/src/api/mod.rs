//! Server functions. Each is thin: it authenticates, authorises through
//! `nguon_domain::policy`, then calls a domain service. Endpoints are stable
//! (`/api/<name>`) so tests and scripts can call them.

#[cfg(feature = "ssr")]
pub mod context;
#[cfg(feature = "ssr")]
pub mod queries;

mod account;
mod auth;
mod documents;
mod home;
mod ledger;
mod mentoring;
mod merit;
mod organisation;
mod oversight;
mod people;
mod pipeline;
mod privacy;
mod roster;
mod students;
mod users;

pub use account::*;
pub use auth::*;
pub use documents::*;
pub use home::*;
pub use ledger::*;
pub use mentoring::*;
pub use merit::*;
pub use organisation::*;
pub use oversight::*;
pub use people::*;
pub use pipeline::*;
pub use privacy::*;
pub use roster::*;
pub use students::*;
pub use users::*;
