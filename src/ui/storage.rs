//! The only code that touches localStorage.
//!
//! gloo-storage's `LocalStorage` panics when storage is unavailable (a
//! sandboxed iframe, blocked cookies), so [`probe`] asks the browser first and
//! the app falls back to memory with a notice. Every rule about what may be
//! written lives in [`crate::core::persist::Store`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

use crate::core::persist::{Backend, BackendError, External, Health, Keys, MemoryBackend, Store};
use crate::core::schema::Document;
use crate::core::time::{Date, Millis};

/// The prefix of every key Rungs uses.
pub const NAMESPACE: &str = "rungs";

/// localStorage, or memory when it cannot be used.
#[derive(Debug)]
pub enum WebBackend {
    Local,
    Memory(MemoryBackend),
}

impl Backend for WebBackend {
    fn read(&self, key: &str) -> Result<Option<String>, BackendError> {
        match self {
            WebBackend::Local => LocalStorage::raw().get_item(key).map_err(backend_error),
            WebBackend::Memory(memory) => memory.read(key),
        }
    }

    fn write(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        match self {
            WebBackend::Local => LocalStorage::raw()
                .set_item(key, value)
                .map_err(backend_error),
            WebBackend::Memory(memory) => memory.write(key, value),
        }
    }
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
            Ok(()) => Store::open(WebBackend::Local, keys, now()),
            Err(reason) => {
                Store::unavailable(WebBackend::Memory(MemoryBackend::default()), keys, reason)
            }
        };
        let session = Rc::new(Session {
            store: RefCell::new(store),
            latest: RefCell::new(Rc::new(document)),
            dirty: Cell::new(false),
        });
        OPEN.with(|open| *open.borrow_mut() = Some(session.clone()));
        session
    }

    /// The document this tab opened with.
    pub fn document(&self) -> Rc<Document> {
        self.latest.borrow().clone()
    }

    pub fn health(&self) -> Health {
        self.store.borrow().health()
    }

    /// Records this tab's newest document, to be saved by [`Session::flush`].
    pub fn changed(&self, document: Rc<Document>) {
        *self.latest.borrow_mut() = document;
        self.dirty.set(true);
    }

    /// Saves the newest document if it changed since the last attempt.
    /// Returns the new health, or `None` when there was nothing to do.
    pub fn flush(&self) -> Option<Health> {
        if !self.dirty.replace(false) {
            return None;
        }
        let mut store = self.store.borrow_mut();
        store.save(&self.latest.borrow(), now());
        Some(store.health())
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

    /// Another tab may have written: see [`Store::external_change`].
    pub fn external_change(&self) -> External {
        let external = self
            .store
            .borrow_mut()
            .external_change(&self.latest.borrow());
        if let External::Adopt(document) = &external {
            *self.latest.borrow_mut() = Rc::new((**document).clone());
            self.dirty.set(false);
        }
        external
    }

    /// Takes the other tab's data; this tab's is backed up first.
    pub fn take_stored(&self) -> Result<Document, BackendError> {
        let mine = self.latest.borrow().clone();
        let document = self.store.borrow_mut().take_stored(&mine, now())?;
        *self.latest.borrow_mut() = Rc::new(document.clone());
        self.dirty.set(false);
        Ok(document)
    }

    /// Keeps this tab's data; the other tab's is backed up first.
    pub fn keep_mine(&self) -> Result<(), BackendError> {
        let mine = self.latest.borrow().clone();
        self.dirty.set(false);
        self.store.borrow_mut().keep_mine(&mine, now())
    }

    /// This tab's document as a file the user can keep.
    pub fn export(&self) -> String {
        self.store.borrow().export(&self.latest.borrow(), now())
    }

    /// The stored text under `key` (a set-aside copy, or the document).
    pub fn raw(&self, key: &str) -> Option<String> {
        self.store.borrow().read_raw(key)
    }

    /// The key the document is stored under.
    pub fn document_key(&self) -> String {
        self.store.borrow().keys().document.clone()
    }
}

/// The open session's data, if it can be had without waiting: for the panic
/// page, which runs while anything may be mid-borrow.
pub fn export_for_emergency() -> Option<String> {
    OPEN.with(|open| {
        let open = open.try_borrow().ok()?;
        let session = open.as_ref()?;
        let store = session.store.try_borrow().ok()?;
        let latest = session.latest.try_borrow().ok()?;
        Some(store.export(&latest, now()))
    })
}
