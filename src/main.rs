//! Mounts the Rungs app. The binary does nothing outside the browser.

fn main() {
    #[cfg(target_arch = "wasm32")]
    rungs::ui::start();
}

/// talc instead of the default dlmalloc: a smaller and faster allocator for
/// wasm (about 3 KB less gzip).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
