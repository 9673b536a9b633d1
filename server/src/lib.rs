#![recursion_limit = "256"]

//! The HTTP server of Nguồn: configuration, the axum router with its security
//! middleware, and the admin command line.

pub mod assets;
pub mod cli;
pub mod config;
pub mod exports;
pub mod forms;
pub mod health;
pub mod input;
pub mod middleware;
pub mod router;
pub mod status;
pub mod telemetry;
pub mod upload;
