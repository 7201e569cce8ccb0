//! The only code that touches localStorage.
//!
//! [`probe`] asks the browser for its storage, and the app falls back to
//! memory with a notice when it cannot be used (a sandboxed iframe, blocked
//! cookies). Every rule about what may be
//! written lives in [`crate::core::persist::Store`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::core::merge::Choice;
use crate::core::persist::{
    same_text, Backend, BackendError, Copy, CopyKind, External, Health, Keys, Saved, Store,
};
use crate::core::review::{self, Draft, Kept};
use crate::core::schema::Document;
use crate::ui::clock::now;
use crate::ui::merge::Combine;

/// The prefix of every key Rungs uses.
pub const NAMESPACE: &str = "rungs";

/// localStorage, or nothing when it cannot be used: the app then keeps the
/// document in memory, and the store never writes (see
/// [`Store::unavailable`]).
///
/// The browser's storage object is taken once, at start (from gloo, once
/// [`probe`] found it usable): a page may make `window.localStorage` throw
/// later, and every call must still work or fail with an error, never
/// panic.
///
/// It remembers the last text it read or wrote under one key, as the
/// browser holds it and as Rust does, so that [`Backend::holds`] for the
/// document (before every save) compares JavaScript strings in place
/// instead of bringing a year of data across into Rust each time.
#[derive(Debug)]
pub struct WebBackend {
    storage: Option<web_sys::Storage>,
    last: RefCell<Option<Last>>,
}

/// What a key held when [`WebBackend`] last read or wrote it.
#[derive(Debug)]
struct Last {
    key: String,
    /// The text as the browser holds it.
    js: JsValue,
    /// The same text as a Rust string.
    text: String,
}

impl WebBackend {
    pub fn new(storage: Option<web_sys::Storage>) -> WebBackend {
        WebBackend {
            storage,
            last: RefCell::new(None),
        }
    }

    fn storage(&self) -> Result<&web_sys::Storage, BackendError> {
        self.storage
            .as_ref()
            .ok_or_else(|| BackendError::Denied("storage is unavailable".into()))
    }

    fn raw(&self) -> Result<&RawStorage, BackendError> {
        Ok(self.storage()?.unchecked_ref())
    }

    fn remember(&self, key: &str, js: JsValue, text: &str) {
        *self.last.borrow_mut() = Some(Last {
            key: key.to_owned(),
            js,
            text: text.to_owned(),
        });
    }

    fn forget(&self, key: &str) {
        let mut last = self.last.borrow_mut();
        if last.as_ref().is_some_and(|last| last.key == key) {
            *last = None;
        }
    }
}

impl Backend for WebBackend {
    fn read(&self, key: &str) -> Result<Option<String>, BackendError> {
        let js = self.raw()?.get_js(key).map_err(backend_error)?;
        let text = js.as_string();
        match &text {
            Some(text) => self.remember(key, js, text),
            None => self.forget(key),
        }
        Ok(text)
    }

    fn write(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        let js = JsValue::from_str(value);
        let written = self.raw()?.set_js(key, &js).map_err(backend_error);
        match written {
            Ok(()) => self.remember(key, js, value),
            Err(_) => self.forget(key),
        }
        written
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.forget(key);
        self.storage()?.remove_item(key).map_err(backend_error)
    }

    fn holds(&self, key: &str, expected: Option<&str>) -> Result<bool, BackendError> {
        let js = self.raw()?.get_js(key).map_err(backend_error)?;
        let last = self.last.borrow();
        match (last.as_ref(), expected) {
            // The same JavaScript string as the text expected: no need to
            // read it into Rust.
            (Some(last), Some(expected)) if last.key == key && same_text(&last.text, expected) => {
                Ok(js == last.js)
            }
            (_, None) => Ok(js.is_null()),
            (_, Some(expected)) => Ok(js.as_string().as_deref() == Some(expected)),
        }
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        let storage = self.storage()?;
        let length = storage.length().map_err(backend_error)?;
        let mut keys = Vec::with_capacity(length as usize);
        for index in 0..length {
            keys.extend(storage.key(index).map_err(backend_error)?);
        }
        Ok(keys)
    }

    /// Copies as JavaScript strings, which keeps what a Rust string would
    /// change (a lone surrogate becomes U+FFFD).
    fn copy(&mut self, from: &str, to: &str) -> Result<(), BackendError> {
        self.forget(to);
        let storage = self.raw()?;
        let text = storage.get_js(from).map_err(backend_error)?;
        if text.is_null() {
            return Err(BackendError::Other("there was nothing to copy".into()));
        }
        storage.set_js(to, &text).map_err(backend_error)?;
        if storage.get_js(to).map_err(backend_error)? == text {
            Ok(())
        } else {
            Err(BackendError::Other(
                "the copy did not read back the same".into(),
            ))
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// localStorage, seen as holding JavaScript strings, which it does.
    type RawStorage;

    /// `getItem`, keeping the JavaScript string as it is.
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_js(this: &RawStorage, key: &str) -> Result<JsValue, JsValue>;

    /// `setItem` of a JavaScript string as it is.
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_js(this: &RawStorage, key: &str, value: &JsValue) -> Result<(), JsValue>;
}

/// Turns what the browser threw into plain words.
pub fn backend_error(error: JsValue) -> BackendError {
    let Some(exception) = error.dyn_ref::<web_sys::DomException>() else {
        let message = match error.dyn_ref::<js_sys::Error>() {
            Some(error) => error.message().into(),
            None => error
                .as_string()
                .unwrap_or_else(|| "an unexpected error".into()),
        };
        return BackendError::Other(message);
    };
    match exception.name().as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => BackendError::Full,
        "SecurityError" => BackendError::Denied(exception.message()),
        name => BackendError::Other(format!("{name}: {}", exception.message())),
    }
}

/// Whether localStorage can be used, without touching gloo (which would
/// panic if it cannot).
pub fn probe() -> Result<(), BackendError> {
    let window = web_sys::window().ok_or_else(|| BackendError::Denied("no window".into()))?;
    match window.local_storage() {
        Ok(Some(storage)) => storage.length().map(drop).map_err(backend_error),
        Ok(None) => Err(BackendError::Denied(
            "this browser offers no local storage".into(),
        )),
        Err(error) => Err(backend_error(error)),
    }
}

/// This tab's link to its stored data. It holds the store, and no
/// document: every call that needs one is handed the document the app
/// shows, which lives in [`crate::ui::state::AppState`] alone.
#[derive(Debug)]
pub struct Session {
    store: RefCell<Store<WebBackend>>,
    /// Whether the last save left the document it was given unsaved.
    unsaved: Cell<bool>,
}

impl Session {
    /// Reads the stored document (before anything could write it), under
    /// `namespace` ([`NAMESPACE`], or another for tests).
    pub fn open_in(namespace: &str) -> (Rc<Session>, Document) {
        let keys = Keys::new(namespace);
        let (store, document) = match probe() {
            // Safe now that the probe found it; kept from here on.
            Ok(()) => Store::open(WebBackend::new(Some(LocalStorage::raw())), keys, now()),
            Err(reason) => Store::unavailable(WebBackend::new(None), keys, reason),
        };
        let session = Session {
            store: RefCell::new(store),
            unsaved: Cell::new(false),
        };
        (Rc::new(session), document)
    }

    pub fn health(&self) -> Health {
        self.store.borrow().health()
    }

    /// Saves `document` if it differs from what was saved last; returns
    /// the health that follows.
    pub fn save(&self, document: &Document) -> Health {
        let mut store = self.store.borrow_mut();
        let saved = store.save(document, now());
        self.unsaved.set(saved == Saved::NotSaved);
        store.health()
    }

    /// Whether the last save left something unsaved: asked as the tab
    /// closes, right after saving.
    pub fn has_unsaved(&self) -> bool {
        self.unsaved.get()
    }

    /// Sets the stored text aside if a part of `document` could not be
    /// decoded (see [`Store::set_aside_unreadable`]); returns the new
    /// health when it did.
    pub fn set_aside_unreadable(&self, document: &Document) -> Option<Health> {
        let mut store = self.store.borrow_mut();
        store
            .set_aside_unreadable(document, now())
            .then(|| store.health())
    }

    /// Another tab may have written: see [`Store::external_change`].
    /// Returns a document to adopt in place of `current`.
    pub fn external_change(&self, current: &Document) -> Option<Document> {
        let external = self.store.borrow_mut().external_change(current, now());
        match external {
            External::Adopt(document) => Some(*document),
            // Unreadable data another tab wrote was set aside: this tab's
            // document goes back in its place.
            External::SetAside => {
                self.save(current);
                None
            }
            _ => None,
        }
    }

    /// Combines `mine` with another tab's changes: see [`Store::combine`].
    /// Returns the combined document, to show and save.
    pub fn combine(
        &self,
        combine: Combine,
        mine: &Document,
        choices: &[Choice],
    ) -> Option<Document> {
        combine(&mut self.store.borrow_mut(), mine, choices, now())
    }

    /// Stops telling the user that two tabs were combined.
    pub fn dismiss_combined(&self) {
        self.store.borrow_mut().dismiss_combined();
    }

    /// Writes `mine` back after storage was cleared.
    pub fn put_back(&self, mine: &Document) -> Result<(), BackendError> {
        self.store.borrow_mut().put_back(mine, now())
    }

    /// Leaves storage cleared, keeping `mine` as a backup; returns the
    /// document to show from now on.
    pub fn leave_cleared(&self, mine: &Document) -> Result<Document, BackendError> {
        self.store.borrow_mut().leave_cleared(mine, now())
    }

    /// Keeps a copy of `document` as `kind`.
    pub fn back_up(&self, kind: CopyKind, document: &Document) -> Result<String, BackendError> {
        self.store.borrow_mut().back_up(kind, document, now())
    }

    /// Every copy kept, in no particular order.
    pub fn copies(&self) -> Result<Vec<Copy>, BackendError> {
        self.store.borrow().copies()
    }

    pub fn delete_copy(&self, key: &str) -> Result<(), BackendError> {
        self.store.borrow_mut().delete_copy(key)
    }

    /// The bytes of text the stored document takes.
    pub fn stored_size(&self) -> usize {
        self.store.borrow().stored_size()
    }

    /// `document` as a file the user can keep, noted as the last copy
    /// downloaded.
    pub fn export(&self, document: &Document) -> String {
        let mut store = self.store.borrow_mut();
        store.record_download(now());
        store.export(document, now())
    }

    /// The stored text under `key` (a copy, or the document).
    pub fn raw(&self, key: &str) -> Option<String> {
        self.store.borrow().read_raw(key)
    }

    /// The key the document is stored under.
    pub fn document_key(&self) -> String {
        self.store.borrow().keys().document.clone()
    }

    /// Every request for grades this browser keeps a reviewer's work on.
    pub fn review_drafts(&self) -> Result<Vec<Kept>, BackendError> {
        review::drafts(&self.store.borrow())
    }

    /// What this browser keeps for the request `id`.
    pub fn review_draft(&self, id: &str) -> Result<Option<Kept>, BackendError> {
        review::draft(&self.store.borrow(), id)
    }

    /// Keeps a reviewer's work, combined with another tab's; returns what
    /// was kept.
    pub fn keep_review_draft(&self, draft: Draft) -> Result<Draft, BackendError> {
        review::keep(&mut self.store.borrow_mut(), draft)
    }

    pub fn forget_review_draft(&self, id: &str) -> Result<(), BackendError> {
        review::forget(&mut self.store.borrow_mut(), id)
    }

    /// The key a reviewer's work on the request `id` is kept under.
    pub fn review_key(&self, id: &str) -> String {
        self.store.borrow().keys().review(id)
    }
}
