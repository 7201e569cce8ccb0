//! Widgets shared by the shell and the pages.

pub mod content_status;
pub mod data_health;
pub mod footer;
pub mod header;
pub mod notices;
pub mod page_header;
pub mod radar;
pub mod term_links;
