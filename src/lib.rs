//! Rungs: a private promotion-readiness kit for software engineers.
//!
//! [`core`] holds every piece of logic as plain Rust, tested natively with
//! `cargo test`. [`ui`] is a thin Yew view over it, compiled only for the
//! browser.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;
