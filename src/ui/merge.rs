//! Combining two tabs' changes (`Store::combine` with `core::merge`),
//! fetched with the data page's code the first time two tabs' changes
//! meet, or with the rest of the code once the first page is shown. It works on generic JSON, which the
//! shell does not otherwise need.

use crate::core::merge::{Choice, Code};
use crate::core::persist::Store;
use crate::core::schema::Document;
use crate::core::time::Millis;
use crate::ui::storage::WebBackend;

/// [`Store::combine`], as handed over by the split point.
pub type Combine = fn(&mut Store<WebBackend>, &Document, &[Choice], Millis) -> Option<Document>;

fn combine(
    store: &mut Store<WebBackend>,
    document: &Document,
    choices: &[Choice],
    now: Millis,
) -> Option<Document> {
    store.combine(document, &Code::new(), choices, now)
}

/// The code that combines, fetched first if need be; `None` when that
/// failed.
#[cfg(not(feature = "split"))]
pub async fn load() -> Option<Combine> {
    Some(combine)
}

/// The code that combines, fetched first if need be; `None` when that
/// failed.
#[cfg(feature = "split")]
pub async fn load() -> Option<Combine> {
    point::merge().await.ok()
}

#[cfg(feature = "split")]
mod point {
    use super::*;

    // With the data page, which shares most of its code.
    #[::wasm_split_helpers::wasm_split(data, fallible)]
    pub fn merge() -> Result<Combine, ::wasm_split_helpers::SplitLoaderError> {
        Ok(combine)
    }
}
