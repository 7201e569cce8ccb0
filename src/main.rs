//! Mounts the Rungs app. The binary does nothing outside the browser.

fn main() {
    #[cfg(target_arch = "wasm32")]
    rungs::ui::start();
}
