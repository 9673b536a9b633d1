//! Nguồn's user interface: pages, components and server functions.
//!
//! Compiled twice: with `ssr` into the server, where every page renders and
//! server functions run and call `nguon_domain`; and with `hydrate` into the
//! browser's wasm bundle, which holds only the `#[island]`s of [`islands`]
//! (Leptos islands). Keep heavy crates out of the browser side.

#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod assets;
pub mod components;
#[cfg(feature = "ssr")]
pub mod exports;
pub mod format;
pub mod i18n;
pub mod islands;
pub mod outcome;
pub mod pages;

pub use app::{shell, App};
