//! Pure logic: no yew, web-sys, gloo or wasm-bindgen here, so that all of it
//! is tested natively.

pub mod assessment;
pub mod fold;
pub mod glossary;
pub mod markdown;
pub mod persist;
pub mod route;
pub mod rubric;
pub mod schema;
pub mod search;
pub mod time;
pub mod vocabulary;

/// Sets `slot` to `value`; returns whether it changed. Every `apply` in
/// core reports "nothing changed" through this, so that the UI neither
/// re-renders nor saves for a no-op.
pub(crate) fn replace<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        false
    } else {
        *slot = value;
        true
    }
}
