//! Small helpers over web-sys.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Blob, BlobPropertyBag, Event, HtmlAnchorElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement, Url,
};

use crate::core::route::Route;
use crate::core::time::Date;

pub fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// Whether another page frames this one (a wiki's iframe).
pub fn framed() -> bool {
    // Read by name: web-sys's `top()` would add a binding to the shell.
    let window = JsValue::from(window());
    js_sys::Reflect::get(&window, &"top".into()).is_ok_and(|top| top != window)
}

/// The clipboard, where the page may use it: a page that is not a secure
/// context has none, nor has a sandboxed frame.
pub fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = window().navigator();
    js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|clipboard| clipboard.is_object())
        .map(JsCast::unchecked_into)
}

/// A `blob:` URL holding `text`. The caller revokes it when done.
pub fn text_url(text: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&text.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    Url::create_object_url_with_blob(&blob).ok()
}

/// The media type of a file Rungs offers for download, from its extension.
fn media_type(filename: &str) -> &'static str {
    if filename.ends_with(".md") {
        "text/markdown;charset=utf-8"
    } else if filename.ends_with(".ics") {
        "text/calendar;charset=utf-8"
    } else {
        "application/json"
    }
}

/// A link that downloads `text` as `filename`, built with plain DOM calls so
/// that it works even after the app has stopped (see `panic`).
pub fn download_link(text: &str, filename: &str) -> Option<HtmlAnchorElement> {
    let url = text_url(text, media_type(filename))?;
    let link: HtmlAnchorElement = document().create_element("a").ok()?.unchecked_into();
    link.set_href(&url);
    link.set_download(filename);
    Some(link)
}

/// Offers `text` to the user as a downloaded file.
pub fn download(text: &str, filename: &str) {
    if let Some(link) = download_link(text, filename) {
        link.click();
        // Revoked later, not at once: the download may still be reading it.
        let url = link.href();
        gloo_timers::callback::Timeout::new(60_000, move || {
            let _ = Url::revoke_object_url(&url);
        })
        .forget();
    }
}

/// Navigates to `route`, as following a link to it would.
pub fn go(route: &Route) {
    let _ = window().location().set_hash(&route.href());
}

/// The file picked in the file input a `change` event came from. The
/// input is emptied, so that the same file can be picked again.
pub fn picked_file(event: &Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = yew::TargetCast::target_unchecked_into(event);
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// The text of a file the user chose, read in full once its size is
/// known to be within what an import takes; why not, in plain words.
pub async fn file_text(file: &web_sys::File) -> Result<String, String> {
    crate::core::transfer::check_size(file.size() as u64).map_err(|why| why.to_string())?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| "The browser couldn't read this file.".to_owned())?;
    Ok(text.as_string().unwrap_or_default())
}

/// The value of the input, text area or select an event came from.
pub fn value_of(event: &Event) -> String {
    let target = event.target().expect("an event target");
    if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
        return area.value();
    }
    if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
        return select.value();
    }
    target.unchecked_into::<HtmlInputElement>().value()
}

/// The date in a date input's event; `None` when it was cleared.
pub fn date_of(event: &Event) -> Option<Date> {
    Date::parse(&value_of(event))
}
