//! Types that cross the wire between the server and the browser.
//!
//! Nothing here touches the database: entities stay on the server and are
//! converted into these view types before they leave it.

pub mod error;
pub mod ledger;
pub mod locale;
pub mod mentoring;
pub mod oversight;
pub mod merit;
pub mod pipeline;
pub mod privacy;
pub mod role;
pub mod roster;
pub mod views;

pub use error::{AppError, ErrorCode, FieldError};
pub use locale::Locale;
pub use role::Role;
