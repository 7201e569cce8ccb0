//! The code that combines two tabs' changes (`core::merge`), fetched the
//! first time two tabs' changes meet, or with the rest of the code once the
//! first page is shown. It works on generic JSON, which the shell does not
//! otherwise need.

use crate::core::merge::Code;

/// The merge's code, fetched first if need be; `None` when that failed.
#[cfg(not(feature = "split"))]
pub async fn load() -> Option<Code> {
    Some(Code::new())
}

/// The merge's code, fetched first if need be; `None` when that failed.
#[cfg(feature = "split")]
pub async fn load() -> Option<Code> {
    point::merge().await.ok()
}

#[cfg(feature = "split")]
mod point {
    use super::*;

    #[::wasm_split_helpers::wasm_split(merge, fallible)]
    pub fn merge() -> Result<Code, ::wasm_split_helpers::SplitLoaderError> {
        Ok(Code::new())
    }
}
