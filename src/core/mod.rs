//! Pure logic: no yew, web-sys, gloo or wasm-bindgen here, so that all of it
//! is tested natively.

pub mod assessment;
pub mod glossary;
pub mod persist;
pub mod route;
pub mod rubric;
pub mod schema;
pub mod time;
