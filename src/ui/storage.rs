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
use crate::core::persist::{Backend, BackendError, Copy, CopyKind, External, Health, Keys, Store};
use crate::core::schema::{encode, Document};
use crate::core::time::{Date, Millis};
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
#[derive(Debug)]
pub struct WebBackend(pub Option<web_sys::Storage>);

impl WebBackend {
    fn storage(&self) -> Result<&web_sys::Storage, BackendError> {
        self.0
            .as_ref()
            .ok_or_else(|| BackendError::Denied("storage is unavailable".into()))
    }
}

impl Backend for WebBackend {
    fn read(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.storage()?.get_item(key).map_err(backend_error)
    }

    fn write(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        self.storage()?.set_item(key, value).map_err(backend_error)
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.storage()?.remove_item(key).map_err(backend_error)
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
        let storage: &RawStorage = self.storage()?.unchecked_ref();
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

/// The current time in Unix milliseconds.
pub fn now() -> Millis {
    js_sys::Date::now() as Millis
}

/// The user's time zone, in minutes east of UTC.
pub fn utc_offset_minutes() -> i64 {
    -(js_sys::Date::new_0().get_timezone_offset() as i64)
}

/// Today in the user's time zone.
pub fn today() -> Date {
    Date::at(now(), utc_offset_minutes())
}

/// This tab's link to its stored data: the store, the latest document, and
/// whether that document changed since the last save.
///
/// Borrows of the store and of the document never outlive a call, and the
/// document is never borrowed while the store works: whatever panics, the
/// panic page can still read the document.
#[derive(Debug)]
pub struct Session {
    store: RefCell<Store<WebBackend>>,
    latest: RefCell<Rc<Document>>,
    dirty: Cell<bool>,
}

thread_local! {
    /// The open session, for the panic page's "download your data".
    static OPEN: RefCell<Option<Rc<Session>>> = const { RefCell::new(None) };
}

impl Session {
    /// Reads the stored document (before anything could write it).
    pub fn open() -> Rc<Session> {
        Session::open_in(NAMESPACE)
    }

    /// As [`Session::open`], under another namespace (used by tests).
    pub fn open_in(namespace: &str) -> Rc<Session> {
        let keys = Keys::new(namespace);
        let (store, document) = match probe() {
            // Safe now that the probe found it; kept from here on.
            Ok(()) => Store::open(WebBackend(Some(LocalStorage::raw())), keys, now()),
            Err(reason) => Store::unavailable(WebBackend(None), keys, reason),
        };
        let session = Rc::new(Session {
            store: RefCell::new(store),
            latest: RefCell::new(Rc::new(document)),
            dirty: Cell::new(false),
        });
        OPEN.with(|open| *open.borrow_mut() = Some(session.clone()));
        session
    }

    /// This tab's newest document.
    pub fn document(&self) -> Rc<Document> {
        self.latest.borrow().clone()
    }

    fn set_document(&self, document: Rc<Document>) {
        *self.latest.borrow_mut() = document;
    }

    pub fn health(&self) -> Health {
        self.store.borrow().health()
    }

    /// Records this tab's newest document, to be saved by [`Session::flush`].
    pub fn changed(&self, document: Rc<Document>) {
        self.set_document(document);
        self.dirty.set(true);
    }

    /// Saves the newest document if it changed since the last attempt.
    /// Returns the new health, or `None` when there was nothing to do.
    pub fn flush(&self) -> Option<Health> {
        if !self.dirty.replace(false) {
            return None;
        }
        let latest = self.document();
        let mut store = self.store.borrow_mut();
        store.save(&latest, now());
        Some(store.health())
    }

    /// Whether anything in this tab has not reached storage (yet).
    pub fn has_unsaved(&self) -> bool {
        let latest = self.document();
        self.dirty.get() || self.store.borrow().is_unsaved(&latest)
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

    /// Tries the last save again.
    pub fn retry(&self) -> Health {
        self.dirty.set(true);
        self.flush().expect("marked dirty")
    }

    /// Another tab may have written: see [`Store::external_change`]. A
    /// document to adopt is returned.
    pub fn external_change(&self) -> Option<Document> {
        let latest = self.document();
        let external = self.store.borrow_mut().external_change(&latest, now());
        match external {
            External::Adopt(document) => {
                self.set_document(Rc::new((*document).clone()));
                self.dirty.set(false);
                Some(*document)
            }
            // Unreadable data another tab wrote was set aside: this tab's
            // document goes back in its place.
            External::SetAside => {
                self.dirty.set(true);
                self.flush();
                None
            }
            _ => None,
        }
    }

    /// Combines this tab's changes with another tab's: see
    /// [`Store::combine`]. Returns the combined document, to show.
    pub fn combine(&self, combine: Combine, choices: &[Choice]) -> Option<Document> {
        let latest = self.document();
        let combined = combine(&mut self.store.borrow_mut(), &latest, choices, now())?;
        self.set_document(Rc::new(combined.clone()));
        self.dirty.set(true);
        Some(combined)
    }

    /// Stops telling the user that two tabs were combined.
    pub fn dismiss_combined(&self) -> Health {
        let mut store = self.store.borrow_mut();
        store.dismiss_combined();
        store.health()
    }

    /// Writes this tab's data back after storage was cleared.
    pub fn put_back(&self) -> Result<(), BackendError> {
        let latest = self.document();
        self.store.borrow_mut().put_back(&latest, now())
    }

    /// Leaves storage cleared, keeping this tab's data as a backup.
    pub fn leave_cleared(&self) -> Result<Document, BackendError> {
        let latest = self.document();
        let document = self.store.borrow_mut().leave_cleared(&latest, now())?;
        self.set_document(Rc::new(document.clone()));
        self.dirty.set(false);
        Ok(document)
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

    /// This tab's document as a file the user can keep, noted as the last
    /// copy downloaded.
    pub fn export(&self) -> String {
        let latest = self.document();
        let mut store = self.store.borrow_mut();
        store.record_download(now());
        store.export(&latest, now())
    }

    /// The stored text under `key` (a copy, or the document).
    pub fn raw(&self, key: &str) -> Option<String> {
        self.store.borrow().read_raw(key)
    }

    /// The key the document is stored under.
    pub fn document_key(&self) -> String {
        self.store.borrow().keys().document.clone()
    }
}

/// The open session's document as a file, if it can be had without
/// waiting: for the panic page, which runs while anything may be
/// mid-borrow. It needs only the document, which no call keeps borrowed.
pub fn export_for_emergency() -> Option<String> {
    OPEN.with(|open| {
        let open = open.try_borrow().ok()?;
        let latest = open.as_ref()?.latest.try_borrow().ok()?.clone();
        Some(encode(&latest.to_json(), 0, now()))
    })
}
