//! Reusable components: the layout, form pieces and paging of long lists.

pub mod charts;
pub mod form;
pub mod inputs;
pub mod layout;
pub mod paging;
