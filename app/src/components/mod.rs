//! Reusable components: the layout and form pieces.

pub mod form;
pub mod layout;
