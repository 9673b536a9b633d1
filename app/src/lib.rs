//! Nguồn's user interface: pages, components and server functions.
//!
//! Compiled twice: with `ssr` into the server (where server functions run and
//! call `nguon_domain`), and with `hydrate` into the browser's wasm bundle
//! (where server functions become HTTP calls). Keep heavy crates out of the
//! browser side.

#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod components;
pub mod format;
pub mod i18n;
pub mod pages;

pub use app::{shell, App};
