//! Saving and loading the document without ever losing what the user wrote.
//!
//! [`Store`] holds every rule; a [`Backend`] only reads and writes strings.
//! The browser's localStorage is one backend (in `ui::storage`), and
//! [`MemoryBackend`] is another, used when storage is unavailable and in
//! tests.
//!
//! The rules:
//! - A store exists only through [`Store::open`], which reads first: nothing
//!   is ever written before the stored data was read.
//! - Stored text that cannot be read, or that a newer version wrote, is
//!   copied byte for byte under a quarantine key and checked before anything
//!   else happens. If that copy fails, the store never writes.
//! - Data from a newer version is never overwritten by this build.
//! - A save writes only when the document changed since the last save.
//! - Before each write the stored text is compared with what this store last
//!   read or wrote. If another tab changed it, the store stops saving and
//!   asks the user which copy to keep; the one set aside is backed up first.
//! - A failed write (a full quota) leaves the document in memory as it is
//!   and reports the problem at once.

use std::collections::BTreeMap;
use std::fmt;

use super::schema::{decode, encode, Document, ReadError};
use super::time::Millis;

/// Reads and writes strings under keys.
pub trait Backend {
    fn read(&self, key: &str) -> Result<Option<String>, BackendError>;
    fn write(&mut self, key: &str, value: &str) -> Result<(), BackendError>;
}

/// Why a backend could not do what it was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackendError {
    /// The storage quota is used up.
    Full,
    /// The browser refused access (privacy settings, a sandboxed frame).
    Denied(String),
    /// Anything else, in the browser's own words.
    Other(String),
}

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackendError::Full => f.write_str("this browser's storage for Rungs is full"),
            BackendError::Denied(why) => write!(f, "the browser refused access to storage ({why})"),
            BackendError::Other(why) => write!(f, "the browser could not store it ({why})"),
        }
    }
}

/// A backend that keeps everything in memory.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemoryBackend {
    pub items: BTreeMap<String, String>,
}

impl Backend for MemoryBackend {
    fn read(&self, key: &str) -> Result<Option<String>, BackendError> {
        Ok(self.items.get(key).cloned())
    }

    fn write(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        self.items.insert(key.to_owned(), value.to_owned());
        Ok(())
    }
}

/// The keys one namespace uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    pub document: String,
    namespace: String,
}

impl Keys {
    pub fn new(namespace: &str) -> Keys {
        Keys {
            document: format!("{namespace}.document"),
            namespace: namespace.to_owned(),
        }
    }

    fn quarantine(&self, at: Millis) -> String {
        format!("{}.quarantine.{at}", self.namespace)
    }

    fn backup(&self, at: Millis) -> String {
        format!("{}.backup.{at}", self.namespace)
    }
}

/// Where the document lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    /// In this browser's storage, kept across visits.
    Browser,
    /// Only in this tab's memory: gone when the tab closes.
    Memory,
}

/// Something the user must know about their data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Browser storage cannot be used; the app works in memory.
    Unavailable { reason: BackendError },
    /// The stored data could not be read. It is kept, unchanged, under `key`,
    /// and Rungs started afresh.
    SetAside { key: String, reason: ReadError },
    /// A newer version of Rungs saved the data. A copy is kept under `key`,
    /// the original stays in place, and this tab does not save.
    TooNew { key: String, version: u32 },
    /// The stored data could not be read nor copied aside, so this tab does
    /// not save, to leave it exactly as it is.
    Unreadable {
        reason: ReadError,
        copy_failed: BackendError,
    },
    /// The last save failed; the changes exist only in this tab.
    SaveFailed { reason: BackendError },
    /// Another tab changed the stored data while this one had unsaved
    /// changes. This tab does not save until the user chooses a copy.
    ChangedElsewhere,
}

impl Problem {
    /// Whether changes made in this tab are reaching storage while this
    /// problem stands.
    pub fn stops_saving(&self) -> bool {
        !matches!(self, Problem::SetAside { .. })
    }

    /// A few words, for a list of problems.
    pub fn title(&self) -> &'static str {
        match self {
            Problem::Unavailable { .. } => "Storage unavailable: working in memory",
            Problem::SetAside { .. } => "Unreadable data was set aside",
            Problem::TooNew { .. } => "Saved by a newer version of Rungs",
            Problem::Unreadable { .. } => "Stored data can't be read",
            Problem::SaveFailed { .. } => "Your last change wasn't saved",
            Problem::ChangedElsewhere => "Changed in another tab",
        }
    }

    /// What happened, what Rungs did about it, and what the user can do.
    pub fn explanation(&self) -> String {
        match self {
            Problem::Unavailable { reason } => format!(
                "Rungs can't use this browser's storage: {reason}. Everything you do here lasts only while this tab is open, so download a copy before you close it."
            ),
            Problem::SetAside { reason, .. } => format!(
                "The data stored in this browser couldn't be read because {reason}. Rungs kept it exactly as it was, under its own name, and started afresh. Download it to keep it or to get help recovering it."
            ),
            Problem::TooNew { version, .. } => format!(
                "A newer version of Rungs saved your data (format {version}), so this copy can't read it. Your data is untouched, and nothing you change in this tab will be saved over it. Open the newest Rungs to carry on."
            ),
            Problem::Unreadable { reason, copy_failed } => format!(
                "The data stored in this browser couldn't be read because {reason}, and Rungs couldn't set a copy aside because {copy_failed}. To leave it exactly as it is, this tab won't save anything. Download it before you do anything else."
            ),
            Problem::SaveFailed { reason } => format!(
                "Saving failed because {reason}. Your change is still here in this tab. Try again, or download a copy so that nothing is lost."
            ),
            Problem::ChangedElsewhere => "Rungs is open in another tab, and your data changed there while this tab had changes of its own. To keep both safe, this tab stopped saving. Choose the copy to keep; the other one is kept as a backup.".to_owned(),
        }
    }

    /// Whether this needs the user's attention now (announced at once).
    pub fn is_urgent(&self) -> bool {
        matches!(
            self,
            Problem::SaveFailed { .. } | Problem::ChangedElsewhere | Problem::Unreadable { .. }
        )
    }
}

/// The state of the user's data, for the dashboard and the notices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Health {
    pub location: Location,
    /// When the stored copy was last written (by any tab).
    pub saved_at: Option<Millis>,
    pub problems: Vec<Problem>,
}

/// What a save did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    Written,
    Unchanged,
    NotSaved,
}

/// What another tab's change means for this one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum External {
    /// The stored text is what this tab last saw.
    Same,
    /// This tab had nothing unsaved, so it takes the stored document.
    Adopt(Box<Document>),
    /// This tab had unsaved changes: see [`Problem::ChangedElsewhere`].
    Conflict,
}

/// The one place the document is loaded and saved.
#[derive(Debug)]
pub struct Store<B> {
    backend: B,
    keys: Keys,
    location: Location,
    /// The stored text as this store last read or wrote it.
    seen: Option<String>,
    /// The document JSON as last read, written or started from: a save of
    /// the same document is skipped.
    saved_json: String,
    revision: u64,
    saved_at: Option<Millis>,
    problems: Vec<Problem>,
}

impl<B: Backend> Store<B> {
    /// Reads the stored document. Returns the store and the document to
    /// start from: the stored one, or a new one when there is none or it
    /// could not be read (see [`Health::problems`]).
    pub fn open(backend: B, keys: Keys, now: Millis) -> (Store<B>, Document) {
        let text = match backend.read(&keys.document) {
            Ok(text) => text,
            // Reading failed outright: we cannot know what the backend
            // holds, so never write to it.
            Err(reason) => return Store::unavailable(backend, keys, reason),
        };
        let mut store = Store::new(backend, keys, Location::Browser);
        let Some(text) = text else {
            return (store, Document::default());
        };
        let document = match decode(&text) {
            Ok(decoded) => {
                store.revision = decoded.revision;
                store.saved_at = Some(decoded.saved_at);
                store.saved_json = decoded.document.to_json();
                // A migrated document is written in the new format with the
                // first change, not before.
                decoded.document
            }
            Err(reason) => {
                store.set_aside(&text, reason, now);
                Document::default()
            }
        };
        store.seen = Some(text);
        (store, document)
    }

    /// A store for when browser storage cannot be used: it keeps nothing and
    /// writes nothing, and says why.
    pub fn unavailable(backend: B, keys: Keys, reason: BackendError) -> (Store<B>, Document) {
        let mut store = Store::new(backend, keys, Location::Memory);
        store.problems.push(Problem::Unavailable { reason });
        (store, Document::default())
    }

    fn new(backend: B, keys: Keys, location: Location) -> Store<B> {
        Store {
            backend,
            keys,
            location,
            seen: None,
            saved_json: Document::default().to_json(),
            revision: 0,
            saved_at: None,
            problems: Vec::new(),
        }
    }

    /// Copies unreadable `text` to a quarantine key and records the problem.
    fn set_aside(&mut self, text: &str, reason: ReadError, now: Millis) {
        let key = self.free_key(|keys, n| keys.quarantine(now + n));
        let copied =
            self.backend
                .write(&key, text)
                .and_then(|()| match self.backend.read(&key)? {
                    Some(copy) if copy == text => Ok(()),
                    _ => Err(BackendError::Other(
                        "the copy did not read back the same".into(),
                    )),
                });
        let problem = match (copied, reason) {
            (Err(copy_failed), reason) => Problem::Unreadable {
                reason,
                copy_failed,
            },
            (Ok(()), ReadError::TooNew { version }) => Problem::TooNew { key, version },
            (Ok(()), reason) => Problem::SetAside { key, reason },
        };
        self.problems.push(problem);
    }

    /// Sets the stored text aside (once for each problem) when a part of
    /// `document` turned out to be unreadable as it was first read: the
    /// part then starts afresh, and its stored text stays reachable under a
    /// quarantine key. Returns whether anything new was set aside.
    pub fn set_aside_unreadable(&mut self, document: &Document, now: Millis) -> bool {
        let mut any = false;
        for reason in document.unreadable_parts() {
            let known = self.problems.iter().any(|problem| match problem {
                Problem::SetAside { reason: seen, .. }
                | Problem::Unreadable { reason: seen, .. } => *seen == reason,
                _ => false,
            });
            if let (false, Some(text)) = (known, self.seen.clone()) {
                self.set_aside(&text, reason, now);
                any = true;
            }
        }
        any
    }

    /// The first key from `make` not in use yet.
    fn free_key(&self, make: impl Fn(&Keys, Millis) -> String) -> String {
        (0..)
            .map(|n| make(&self.keys, n))
            .find(|key| matches!(self.backend.read(key), Ok(None)))
            .expect("some key is free")
    }

    /// Where the data lives, when it was saved and what is wrong.
    pub fn health(&self) -> Health {
        Health {
            location: self.location,
            saved_at: self.saved_at,
            problems: self.problems.clone(),
        }
    }

    fn can_write(&self) -> bool {
        !self
            .problems
            .iter()
            .any(|p| p.stops_saving() && !matches!(p, Problem::SaveFailed { .. }))
    }

    /// Whether `document` differs from what was last read or written.
    pub fn is_unsaved(&self, document: &Document) -> bool {
        self.saved_json != document.to_json()
    }

    /// Saves `document` if it changed and nothing forbids it.
    pub fn save(&mut self, document: &Document, now: Millis) -> Saved {
        let json = document.to_json();
        if self.saved_json == json {
            self.clear_save_failure();
            return Saved::Unchanged;
        }
        if !self.can_write() {
            return Saved::NotSaved;
        }
        match self.backend.read(&self.keys.document) {
            Ok(current) if current == self.seen => {}
            Ok(_) => {
                self.mark_conflict();
                return Saved::NotSaved;
            }
            Err(reason) => {
                self.report_save_failure(reason);
                return Saved::NotSaved;
            }
        }
        match self.write(json, now) {
            Ok(()) => Saved::Written,
            Err(_) => Saved::NotSaved,
        }
    }

    fn write(&mut self, json: String, now: Millis) -> Result<(), BackendError> {
        let revision = self.revision + 1;
        let text = encode(&json, revision, now);
        if let Err(reason) = self.backend.write(&self.keys.document, &text) {
            self.report_save_failure(reason.clone());
            return Err(reason);
        }
        self.clear_save_failure();
        self.seen = Some(text);
        self.saved_json = json;
        self.revision = revision;
        self.saved_at = Some(now);
        Ok(())
    }

    fn report_save_failure(&mut self, reason: BackendError) {
        self.clear_save_failure();
        self.problems.push(Problem::SaveFailed { reason });
    }

    fn clear_save_failure(&mut self) {
        self.problems
            .retain(|p| !matches!(p, Problem::SaveFailed { .. }));
    }

    /// Called when another tab may have changed the stored data. `current`
    /// is this tab's document.
    pub fn external_change(&mut self, current: &Document) -> External {
        let Ok(text) = self.backend.read(&self.keys.document) else {
            return External::Same;
        };
        if text == self.seen || !self.can_write() {
            return External::Same;
        }
        if self.is_unsaved(current) {
            self.mark_conflict();
            return External::Conflict;
        }
        match self.adopt(text) {
            Some(document) => External::Adopt(Box::new(document)),
            None => {
                self.mark_conflict();
                External::Conflict
            }
        }
    }

    fn mark_conflict(&mut self) {
        if !self.problems.contains(&Problem::ChangedElsewhere) {
            self.problems.push(Problem::ChangedElsewhere);
        }
    }

    /// Takes `text` as the stored state; `None` if it cannot be read.
    fn adopt(&mut self, text: Option<String>) -> Option<Document> {
        let (document, revision, saved_at) = match &text {
            None => (Document::default(), 0, None),
            Some(text) => {
                let decoded = decode(text).ok()?;
                (decoded.document, decoded.revision, Some(decoded.saved_at))
            }
        };
        self.saved_json = document.to_json();
        self.seen = text;
        self.revision = revision;
        self.saved_at = saved_at;
        Some(document)
    }

    /// Resolves [`Problem::ChangedElsewhere`] in favour of the other tab:
    /// this tab's document is backed up, then the stored one is returned.
    /// Changes nothing when the stored text cannot be read.
    pub fn take_stored(&mut self, mine: &Document, now: Millis) -> Result<Document, BackendError> {
        let taken = self.try_take_stored(mine, now);
        self.reported(taken)
    }

    fn try_take_stored(&mut self, mine: &Document, now: Millis) -> Result<Document, BackendError> {
        let text = self.backend.read(&self.keys.document)?;
        if text.as_deref().map(decode).is_some_and(|d| d.is_err()) {
            return Err(BackendError::Other(
                "the other tab's data cannot be read".into(),
            ));
        }
        self.back_up(&encode(&mine.to_json(), self.revision, now), now)?;
        let document = self.adopt(text).expect("checked above");
        self.problems.retain(|p| *p != Problem::ChangedElsewhere);
        Ok(document)
    }

    /// Resolves [`Problem::ChangedElsewhere`] in favour of this tab: the
    /// stored text is backed up, then `mine` is written over it.
    pub fn keep_mine(&mut self, mine: &Document, now: Millis) -> Result<(), BackendError> {
        let kept = self.try_keep_mine(mine, now);
        self.reported(kept)
    }

    /// A failed conflict choice changes nothing; it is shown like a failed
    /// save.
    fn reported<T>(&mut self, result: Result<T, BackendError>) -> Result<T, BackendError> {
        if let Err(reason) = &result {
            self.report_save_failure(reason.clone());
        }
        result
    }

    fn try_keep_mine(&mut self, mine: &Document, now: Millis) -> Result<(), BackendError> {
        let stored = self.backend.read(&self.keys.document)?;
        if let Some(stored) = &stored {
            self.back_up(stored, now)?;
        }
        self.revision = stored
            .as_deref()
            .and_then(|text| decode(text).ok())
            .map_or(self.revision, |decoded| decoded.revision.max(self.revision));
        self.seen = stored;
        self.problems.retain(|p| *p != Problem::ChangedElsewhere);
        self.write(mine.to_json(), now)
    }

    fn back_up(&mut self, text: &str, now: Millis) -> Result<(), BackendError> {
        let key = self.free_key(|keys, n| keys.backup(now + n));
        self.backend.write(&key, text)
    }

    /// The text under `key`, for downloading a copy that was set aside.
    pub fn read_raw(&self, key: &str) -> Option<String> {
        self.backend.read(key).ok().flatten()
    }

    /// The document as a file the user can keep (the stored envelope form).
    pub fn export(&self, document: &Document, now: Millis) -> String {
        encode(&document.to_json(), self.revision, now)
    }

    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    pub fn backend_mut(&mut self) -> &mut B {
        &mut self.backend
    }
}
