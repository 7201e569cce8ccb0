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
//! - Stored text that cannot be read is copied byte for byte under a key of
//!   its own and checked before anything else happens. If that copy fails,
//!   the store never writes.
//! - Data from a newer version is never written over by this build, whatever
//!   the user does.
//! - A save writes only when the document changed since the last save.
//! - Before each write the stored text is compared with what this store last
//!   read or wrote. If another tab changed it, this store writes nothing
//!   until the two are combined (see [`External::Merge`] and
//!   [`crate::core::merge`]); where both changed the same value, the user
//!   chooses. Stored data that was removed while this tab holds it is not
//!   taken as "nothing": the user chooses whether to put it back.
//! - A failed write (a full quota) leaves the document in memory as it is
//!   and reports the problem at once.
//! - Copies (backups and set-aside data) are written under their own keys,
//!   never twice with the same text, and within a budget: the oldest
//!   automatic backups make room for new ones. A copy that cannot be
//!   written is reported.

use std::collections::BTreeMap;
use std::fmt;

use super::merge::{Choice, Code, Conflict};
use super::schema::{decode, encode, Decoded, Document, ReadError};
use super::time::Millis;

/// Reads and writes strings under keys.
pub trait Backend {
    fn read(&self, key: &str) -> Result<Option<String>, BackendError>;
    fn write(&mut self, key: &str, value: &str) -> Result<(), BackendError>;
    fn remove(&mut self, key: &str) -> Result<(), BackendError>;
    /// Every key it holds, in no particular order.
    fn keys(&self) -> Result<Vec<String>, BackendError>;

    /// Whether `key` holds `expected` (`None`: nothing). Asked before every
    /// save with the text last read or written there, so the browser's
    /// backend answers it without bringing the whole document across.
    fn holds(&self, key: &str, expected: Option<&str>) -> Result<bool, BackendError> {
        Ok(self.read(key)?.as_deref() == expected)
    }

    /// Copies the text under `from` to `to` exactly as stored, and checks
    /// the copy. Browser storage holds text a Rust string cannot (a lone
    /// surrogate), so the browser's backend copies without converting it.
    fn copy(&mut self, from: &str, to: &str) -> Result<(), BackendError> {
        let text = self
            .read(from)?
            .ok_or_else(|| BackendError::Other("there was nothing to copy".into()))?;
        self.write(to, &text)?;
        match self.read(to)? {
            Some(copy) if copy == text => Ok(()),
            _ => Err(BackendError::Other(
                "the copy did not read back the same".into(),
            )),
        }
    }
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

/// Whether `a` and `b` are the same text, eight bytes at a time. The
/// document is compared before every save, and a year of data is hundreds
/// of kilobytes: WebAssembly's `memcmp`, which `==` calls, goes a byte at
/// a time, several times slower.
pub fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    // Every chunk is eight bytes long: none reads as 0.
    let word = |bytes: &[u8]| bytes.try_into().map_or(0, u64::from_ne_bytes);
    let (a_words, b_words) = (a.chunks_exact(8), b.chunks_exact(8));
    a_words.remainder() == b_words.remainder()
        && a_words.zip(b_words).all(|(a, b)| word(a) == word(b))
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

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.items.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        Ok(self.items.keys().cloned().collect())
    }
}

/// Why a copy of the data was kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CopyKind {
    /// Stored data that could not be read, kept as it was.
    SetAside,
    /// The data as it stood before the first save of a day.
    Daily,
    BeforeImport,
    BeforeRestore,
    BeforeReset,
    /// The data in an older format, before it was first saved in this one.
    BeforeUpgrade,
    /// One side of two tabs' changes, where the user chose the other.
    Conflict,
    /// What a tab held when the stored data was removed and the user chose
    /// to leave it removed.
    Cleared,
}

impl CopyKind {
    pub const ALL: [CopyKind; 8] = [
        CopyKind::SetAside,
        CopyKind::Daily,
        CopyKind::BeforeImport,
        CopyKind::BeforeRestore,
        CopyKind::BeforeReset,
        CopyKind::BeforeUpgrade,
        CopyKind::Conflict,
        CopyKind::Cleared,
    ];

    /// The middle of its keys: `rungs.<slug>.<millis>`.
    fn slug(self) -> &'static str {
        match self {
            CopyKind::SetAside => "quarantine",
            CopyKind::Daily => "backup.daily",
            CopyKind::BeforeImport => "backup.import",
            CopyKind::BeforeRestore => "backup.restore",
            CopyKind::BeforeReset => "backup.reset",
            CopyKind::BeforeUpgrade => "backup.upgrade",
            CopyKind::Conflict => "backup.conflict",
            CopyKind::Cleared => "backup.cleared",
        }
    }

    /// What it is, for a list of copies.
    pub fn label(self) -> &'static str {
        match self {
            CopyKind::SetAside => "Set aside: could not be read",
            CopyKind::Daily => "Daily backup",
            CopyKind::BeforeImport => "Before an import",
            CopyKind::BeforeRestore => "Before a restore",
            CopyKind::BeforeReset => "Before deleting everything",
            CopyKind::BeforeUpgrade => "Before an upgrade of the format",
            CopyKind::Conflict => "From two tabs' changes",
            CopyKind::Cleared => "Held by a tab when storage was cleared",
        }
    }

    /// Whether Rungs may delete it to make room for newer backups. Data
    /// that was set aside is only ever deleted by the user.
    fn is_automatic(self) -> bool {
        self != CopyKind::SetAside
    }

    /// How many of this kind are kept at most.
    fn kept(self) -> usize {
        match self {
            CopyKind::Daily => DAILY_KEPT,
            CopyKind::SetAside => SET_ASIDE_KEPT,
            _ => usize::MAX,
        }
    }
}

/// How many daily backups are kept.
pub const DAILY_KEPT: usize = 3;
/// How many copies of unreadable data are kept; the oldest goes when a
/// different one arrives.
pub const SET_ASIDE_KEPT: usize = 3;
/// The most all copies together may hold, in bytes of text: enough for
/// several copies of a year of data, while leaving the rest of the
/// browser's 5 MB or so to the data itself.
pub const COPIES_BUDGET: usize = 2_000_000;

/// A copy of the data kept under a key of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Copy {
    pub key: String,
    pub kind: CopyKind,
    /// When it was made.
    pub at: Millis,
    /// Its size, in bytes of text.
    pub size: usize,
}

/// `copies` newest first, as the user is shown them. Apart from
/// [`Store::copies`] so that the shell, which lists copies only to keep
/// them within their limits, carries no sort.
pub fn newest_first(mut copies: Vec<Copy>) -> Vec<Copy> {
    copies.sort_by_key(|copy| std::cmp::Reverse(copy.at));
    copies
}

/// Where a copy's text comes from.
enum Source<'a> {
    /// The text stored under a key, copied exactly.
    Key(&'a str),
    Text(&'a str),
}

/// The keys one namespace uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    pub document: String,
    /// When a copy of everything was last downloaded from this browser.
    downloaded: String,
    namespace: String,
}

impl Keys {
    pub fn new(namespace: &str) -> Keys {
        Keys {
            document: format!("{namespace}.document"),
            downloaded: format!("{namespace}.downloaded"),
            namespace: namespace.to_owned(),
        }
    }

    fn copy(&self, kind: CopyKind, at: Millis) -> String {
        format!("{}.{}.{at}", self.namespace, kind.slug())
    }

    /// Where a reviewer's grades in progress on the request `id` are
    /// kept (see `core::review::Draft`).
    pub fn review(&self, id: &str) -> String {
        format!("{}.review.{id}", self.namespace)
    }

    /// The request id of a key made by [`Keys::review`].
    pub fn review_id<'k>(&self, key: &'k str) -> Option<&'k str> {
        key.strip_prefix(&self.namespace)?
            .strip_prefix(".review.")
            .filter(|id| !id.is_empty())
    }

    /// What kind of copy `key` holds and when it was made, if it is one of
    /// this namespace's copies. Earlier versions kept a tab's conflicting
    /// data under `<namespace>.backup.<millis>`.
    pub fn parse_copy(&self, key: &str) -> Option<(CopyKind, Millis)> {
        let rest = key.strip_prefix(&self.namespace)?.strip_prefix('.')?;
        let millis = |text: &str| text.parse::<Millis>().ok();
        CopyKind::ALL
            .into_iter()
            .find_map(|kind| {
                Some((
                    kind,
                    millis(rest.strip_prefix(kind.slug())?.strip_prefix('.')?)?,
                ))
            })
            .or_else(|| Some((CopyKind::Conflict, millis(rest.strip_prefix("backup.")?)?)))
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
    /// A newer version of Rungs saved the data. It stays in place, and this
    /// tab never saves over it.
    TooNew { version: u32 },
    /// The stored data could not be read nor copied aside, so this tab does
    /// not save, to leave it exactly as it is.
    Unreadable {
        reason: ReadError,
        copy_failed: BackendError,
    },
    /// The last save failed; the changes exist only in this tab.
    SaveFailed { reason: BackendError },
    /// A backup could not be written; the data itself is unharmed.
    BackupFailed { reason: BackendError },
    /// Another tab saved while this one had changes of its own: this tab
    /// saves nothing until the two are combined.
    ChangedElsewhere,
    /// Both tabs changed these values, each their own way: this tab saves
    /// nothing until the user chooses, value by value.
    Conflict { conflicts: Vec<Conflict> },
    /// The stored data was removed (storage was cleared) while this tab
    /// held it: this tab saves nothing until the user chooses.
    Cleared,
    /// Another tab's changes were combined with this tab's.
    Combined,
}

impl Problem {
    /// Whether changes made in this tab are reaching storage while this
    /// problem stands.
    pub fn stops_saving(&self) -> bool {
        !matches!(
            self,
            Problem::SetAside { .. } | Problem::BackupFailed { .. } | Problem::Combined
        )
    }

    /// A few words, for a list of problems.
    pub fn title(&self) -> &'static str {
        match self {
            Problem::Unavailable { .. } => "Storage unavailable: working in memory",
            Problem::SetAside { .. } => "Unreadable data was set aside",
            Problem::TooNew { .. } => "Saved by a newer version of Rungs",
            Problem::Unreadable { .. } => "Stored data can't be read",
            Problem::SaveFailed { .. } => "Your last change wasn't saved",
            Problem::BackupFailed { .. } => "A backup couldn't be written",
            Problem::ChangedElsewhere => "Changed in another tab",
            Problem::Conflict { .. } => "Changed in two tabs: choose what to keep",
            Problem::Cleared => "Your data was removed from this browser",
            Problem::Combined => "Combined with another tab's changes",
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
            Problem::TooNew { version } => format!(
                "A newer version of Rungs saved your data (format {version}), so this copy can't read it. Your data is untouched, and nothing you change in this tab will be saved over it. Open the newest Rungs to carry on."
            ),
            Problem::Unreadable { reason, copy_failed } => format!(
                "The data stored in this browser couldn't be read because {reason}, and Rungs couldn't set a copy aside because {copy_failed}. To leave it exactly as it is, this tab won't save anything. Download it before you do anything else."
            ),
            Problem::SaveFailed { reason } => format!(
                "Saving failed because {reason}. Your change is still here in this tab. Try again, or download a copy so that nothing is lost."
            ),
            Problem::BackupFailed { reason } => format!(
                "Rungs keeps backups of your data in this browser, and the last one couldn't be written because {reason}. Make room by deleting old backups on the Your data page, or download a copy to keep one safe."
            ),
            Problem::ChangedElsewhere => "Rungs is open in another tab, and your data changed there while this tab had changes of its own. This tab saves nothing until the two are combined.".to_owned(),
            Problem::Conflict { conflicts } => format!(
                "Rungs is open in another tab, and both tabs changed {}. Everything else from both tabs is combined. Choose which version of each to keep; the other is kept as a backup. Until then this tab saves nothing.",
                match conflicts.len() {
                    1 => "the same value, each its own way".to_owned(),
                    n => format!("the same {n} values, each its own way"),
                }
            ),
            Problem::Cleared => "Your data was removed from this browser's storage, by another tab or by clearing the site's data. This tab still holds it. Put it back, or leave it removed (this tab's copy is then kept as a backup).".to_owned(),
            Problem::Combined => "Rungs is open in another tab, and your data changed there too. Both tabs' changes were combined and saved.".to_owned(),
        }
    }

    /// Whether this needs the user's attention now (announced at once).
    pub fn is_urgent(&self) -> bool {
        matches!(
            self,
            Problem::SaveFailed { .. }
                | Problem::Conflict { .. }
                | Problem::Cleared
                | Problem::TooNew { .. }
                | Problem::Unreadable { .. }
        )
    }
}

/// The state of the user's data, for the dashboard and the notices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Health {
    pub location: Location,
    /// When the stored copy was last written (by any tab).
    pub saved_at: Option<Millis>,
    /// When a copy of everything was last downloaded from this browser.
    pub downloaded_at: Option<Millis>,
    pub problems: Vec<Problem>,
}

impl Health {
    /// Whether two tabs' changes wait to be combined.
    pub fn needs_merge(&self) -> bool {
        self.problems.contains(&Problem::ChangedElsewhere)
    }
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
    /// The stored text is what this tab last saw, or this tab no longer
    /// follows it (see the problems).
    Same,
    /// This tab had nothing unsaved, so it takes the stored document.
    Adopt(Box<Document>),
    /// Both tabs changed the document: see [`Store::combine`].
    Merge(Box<MergeInput>),
    /// Something needs the user (see the problems); this tab saves nothing
    /// until then.
    Stopped,
    /// Another tab wrote what no Rungs can read: it is set aside, and this
    /// tab's document is to be saved in its place.
    SetAside,
}

/// What a merge of two tabs' documents starts from: the document's JSON
/// as this tab last saw it stored, as it is in this tab, and as it is
/// stored now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeInput {
    /// `None` when what the two started from is not known: every value
    /// the two hold differently is then asked about.
    pub base: Option<String>,
    pub mine: String,
    pub theirs: String,
    /// The stored text `theirs` was read from.
    pub stored: String,
}

/// The one place the document is loaded and saved.
#[derive(Debug)]
pub struct Store<B> {
    backend: B,
    keys: Keys,
    location: Location,
    /// The stored text as this store last read or wrote it: what another
    /// tab's change is measured against.
    seen: Option<String>,
    /// The stored text this store's last write replaced (inside, `None`:
    /// nothing was stored), until it takes another tab's.
    overwritten: Option<Option<String>>,
    /// The document JSON as last read, written or started from: a save of
    /// the same document is skipped.
    saved_json: String,
    revision: u64,
    saved_at: Option<Millis>,
    downloaded_at: Option<Millis>,
    /// The format the stored data was read from, while it is older than
    /// this build's and not yet backed up.
    upgrading: Option<u32>,
    /// When the last daily backup was made, once looked up.
    last_daily: Option<Option<Millis>>,
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
        store.downloaded_at = store
            .backend
            .read(&store.keys.downloaded)
            .ok()
            .flatten()
            .and_then(|at| at.parse().ok());
        let Some(text) = text else {
            return (store, Document::default());
        };
        let document = match decode(&text) {
            Ok(decoded) => {
                store.upgrading = decoded.migrated_from;
                store.took(&decoded);
                // A migrated document is written in the new format with the
                // first change, not before.
                decoded.document
            }
            Err(ReadError::TooNew { version }) => {
                store.problems.push(Problem::TooNew { version });
                Document::default()
            }
            Err(reason) => {
                store.set_aside(reason, now);
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
            overwritten: None,
            saved_json: Document::default().to_json(),
            revision: 0,
            saved_at: None,
            downloaded_at: None,
            upgrading: None,
            last_daily: None,
            problems: Vec::new(),
        }
    }

    /// Records `decoded` as what is stored.
    fn took(&mut self, decoded: &Decoded) {
        self.overwritten = None;
        self.saved_json = decoded.document.to_json();
        self.revision = decoded.revision;
        self.saved_at = Some(decoded.saved_at);
    }

    /// Copies the unreadable stored text aside, exactly, and records the
    /// problem. Returns whether the copy was made.
    fn set_aside(&mut self, reason: ReadError, now: Millis) -> bool {
        let document = self.keys.document.clone();
        let problem = match self.write_copy(CopyKind::SetAside, Source::Key(&document), now) {
            Ok(key) => Problem::SetAside { key, reason },
            Err(copy_failed) => Problem::Unreadable {
                reason,
                copy_failed,
            },
        };
        let copied = matches!(problem, Problem::SetAside { .. });
        if !self.problems.contains(&problem) {
            self.problems.push(problem);
        }
        copied
    }

    /// Sets the stored text aside (once for each problem) when a part of
    /// `document` turned out to be unreadable as it was first read: the
    /// part then starts afresh, and its stored text stays reachable under a
    /// key of its own. Returns whether anything new was set aside.
    pub fn set_aside_unreadable(&mut self, document: &Document, now: Millis) -> bool {
        let mut any = false;
        for reason in document.unreadable_parts() {
            let known = self.problems.iter().any(|problem| match problem {
                Problem::SetAside { reason: seen, .. }
                | Problem::Unreadable { reason: seen, .. } => *seen == reason,
                _ => false,
            });
            if !known && self.seen.is_some() {
                self.set_aside(reason, now);
                any = true;
            }
        }
        any
    }

    /// Keeps a copy of `source` as `kind`, within the budget (see
    /// [`COPIES_BUDGET`]). A copy of the same text that is kept already
    /// serves: its key is returned.
    fn write_copy(
        &mut self,
        kind: CopyKind,
        source: Source<'_>,
        now: Millis,
    ) -> Result<String, BackendError> {
        let text = match source {
            Source::Key(key) => self.backend.read(key)?.unwrap_or_default(),
            Source::Text(text) => text.to_owned(),
        };
        let copies = self.copies()?;
        for copy in copies.iter().filter(|copy| copy.size == text.len()) {
            if self.backend.read(&copy.key)?.as_deref() == Some(text.as_str()) {
                return Ok(copy.key.clone());
            }
        }
        self.make_room(&copies, kind, text.len())?;
        let key = (0..)
            .map(|n| self.keys.copy(kind, now + n))
            .find(|key| !copies.iter().any(|copy| copy.key == *key))
            .expect("some key is free");
        match source {
            Source::Key(from) => self.backend.copy(from, &key)?,
            Source::Text(text) => self.backend.write(&key, text)?,
        }
        Ok(key)
    }

    /// Deletes the oldest copies that must go for a new copy of `kind`,
    /// `size` bytes long: beyond how many of its kind are kept, and then
    /// automatic backups (daily ones first), oldest first, until all fit the
    /// budget.
    fn make_room(
        &mut self,
        copies: &[Copy],
        kind: CopyKind,
        size: usize,
    ) -> Result<(), BackendError> {
        let mut kept: Vec<&Copy> = copies.iter().collect();
        let mut total: usize = size + copies.iter().map(|c| c.size).sum::<usize>();
        loop {
            let same_kind = kept.iter().filter(|c| c.kind == kind).count();
            let doomed = if same_kind >= kind.kept() {
                kept.iter().filter(|c| c.kind == kind).min_by_key(|c| c.at)
            } else if total > COPIES_BUDGET {
                kept.iter()
                    .filter(|c| c.kind.is_automatic())
                    .min_by_key(|c| (c.kind != CopyKind::Daily, c.at))
            } else {
                None
            };
            let Some(doomed) = doomed.copied() else {
                return Ok(());
            };
            self.backend.remove(&doomed.key)?;
            total -= doomed.size;
            kept.retain(|c| c.key != doomed.key);
        }
    }

    /// Every copy kept, in no particular order (see [`newest_first`]).
    pub fn copies(&self) -> Result<Vec<Copy>, BackendError> {
        let mut copies = Vec::new();
        for key in self.backend.keys()? {
            let Some((kind, at)) = self.keys.parse_copy(&key) else {
                continue;
            };
            let size = self.backend.read(&key)?.map_or(0, |text| text.len());
            copies.push(Copy {
                key,
                kind,
                at,
                size,
            });
        }
        Ok(copies)
    }

    /// Keeps a copy of `document` as `kind` (before an import, a restore or
    /// a reset). A failure is reported as well as returned.
    pub fn back_up(
        &mut self,
        kind: CopyKind,
        document: &Document,
        now: Millis,
    ) -> Result<String, BackendError> {
        let text = encode(&document.to_json(), self.revision, now);
        let written = self.write_copy(kind, Source::Text(&text), now);
        self.reported_backup(written)
    }

    fn reported_backup<T>(&mut self, result: Result<T, BackendError>) -> Result<T, BackendError> {
        self.problems
            .retain(|p| !matches!(p, Problem::BackupFailed { .. }));
        if let Err(reason) = &result {
            self.problems.push(Problem::BackupFailed {
                reason: reason.clone(),
            });
        }
        result
    }

    /// Deletes a copy. Only copies can be deleted this way.
    pub fn delete_copy(&mut self, key: &str) -> Result<(), BackendError> {
        if self.keys.parse_copy(key).is_none() {
            return Err(BackendError::Other(format!("{key} is not a copy")));
        }
        self.backend.remove(key)?;
        self.problems
            .retain(|p| !matches!(p, Problem::SetAside { key: k, .. } if k == key));
        Ok(())
    }

    /// Where the data lives, when it was saved and what is wrong.
    pub fn health(&self) -> Health {
        Health {
            location: self.location,
            saved_at: self.saved_at,
            downloaded_at: self.downloaded_at,
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
        !same_text(&self.saved_json, &document.to_json())
    }

    /// Saves `document` if it changed and nothing forbids it. If another
    /// tab changed the stored data since, nothing is written: see
    /// [`Store::external_change`].
    pub fn save(&mut self, document: &Document, now: Millis) -> Saved {
        let json = document.to_json();
        if same_text(&self.saved_json, &json) {
            self.clear_save_failure();
            return Saved::Unchanged;
        }
        if !self.can_write() {
            return Saved::NotSaved;
        }
        match self
            .backend
            .holds(&self.keys.document, self.seen.as_deref())
        {
            Ok(true) => {}
            Ok(false) => {
                // Another tab wrote: nothing is written over it unless what
                // it wrote was unreadable and is now set aside.
                if self.external_change(document, now) != External::SetAside {
                    return Saved::NotSaved;
                }
            }
            Err(reason) => {
                self.report_save_failure(reason);
                return Saved::NotSaved;
            }
        }
        self.back_up_before_writing(now);
        match self.write(json, now) {
            Ok(()) => Saved::Written,
            Err(_) => Saved::NotSaved,
        }
    }

    /// Before the first write of a day, and before the first write in this
    /// format over an older one, keeps a copy of what is stored.
    fn back_up_before_writing(&mut self, now: Millis) {
        if self.seen.is_none() {
            return;
        }
        let document = self.keys.document.clone();
        if self.upgrading.is_some() {
            let copied = self.write_copy(CopyKind::BeforeUpgrade, Source::Key(&document), now);
            if self.reported_backup(copied).is_ok() {
                self.upgrading = None;
            }
        }
        const DAY: Millis = 24 * 60 * 60 * 1000;
        let last = match self.last_daily {
            Some(last) => last,
            None => self.copies().ok().and_then(|copies| {
                // The newest: copies come in no particular order.
                copies
                    .iter()
                    .filter(|c| c.kind == CopyKind::Daily)
                    .map(|c| c.at)
                    .max()
            }),
        };
        if last.is_some_and(|last| last / DAY == now / DAY) {
            self.last_daily = Some(last);
            return;
        }
        // Tried once a day: a failure is reported, not retried on every save.
        self.last_daily = Some(Some(now));
        let copied = self.write_copy(CopyKind::Daily, Source::Key(&document), now);
        let _ = self.reported_backup(copied);
    }

    fn write(&mut self, json: String, now: Millis) -> Result<(), BackendError> {
        let revision = self.revision + 1;
        let text = encode(&json, revision, now);
        if let Err(reason) = self.backend.write(&self.keys.document, &text) {
            self.report_save_failure(reason.clone());
            return Err(reason);
        }
        self.clear_save_failure();
        self.overwritten = Some(self.seen.replace(text));
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

    /// Forgets the two tabs' changes waiting to be combined or settled:
    /// they were, or something else now stops this tab.
    fn end_merge(&mut self) {
        self.problems
            .retain(|p| !matches!(p, Problem::ChangedElsewhere | Problem::Conflict { .. }));
    }

    fn add(&mut self, problem: Problem) {
        if !self.problems.contains(&problem) {
            self.problems.push(problem);
        }
    }

    /// Called when another tab may have changed the stored data, and before
    /// every save. `current` is this tab's document.
    pub fn external_change(&mut self, current: &Document, now: Millis) -> External {
        let following = !self.problems.iter().any(|p| {
            matches!(
                p,
                Problem::Unavailable { .. } | Problem::Unreadable { .. } | Problem::TooNew { .. }
            )
        });
        let Ok(text) = self.backend.read(&self.keys.document) else {
            return External::Same;
        };
        if !following {
            return External::Same;
        }
        if text == self.seen {
            // Another tab put back what this one last saw.
            self.problems.retain(|p| *p != Problem::Cleared);
            return External::Same;
        }
        let Some(text) = text else {
            self.end_merge();
            self.add(Problem::Cleared);
            return External::Stopped;
        };
        // After storage was cleared, what is written next starts afresh.
        let was_cleared = self.problems.contains(&Problem::Cleared);
        self.problems.retain(|p| *p != Problem::Cleared);
        let decoded = match decode(&text) {
            Ok(decoded) => decoded,
            Err(ReadError::TooNew { version }) => {
                self.end_merge();
                self.add(Problem::TooNew { version });
                return External::Stopped;
            }
            Err(reason) => {
                // Something wrote what no Rungs can read: keep it, then put
                // this tab's document back in its place.
                if !self.set_aside(reason, now) {
                    return External::Stopped;
                }
                self.seen = Some(text);
                self.overwritten = None;
                self.saved_json = String::new();
                return External::SetAside;
            }
        };
        let in_conflict = self
            .problems
            .iter()
            .any(|p| matches!(p, Problem::Conflict { .. }));
        // A browser passes one tab's write on to the others a moment late,
        // so another tab may write without having seen this tab's last
        // write: what it wrote is then no later a revision than this tab's.
        // Taking it would lose this tab's write; the two are combined.
        let crossed = !was_cleared && decoded.revision <= self.revision;
        if !crossed && !self.is_unsaved(current) && !in_conflict {
            self.took(&decoded);
            self.seen = Some(text);
            return External::Adopt(Box::new(decoded.document));
        }
        self.add(Problem::ChangedElsewhere);
        let base = match &self.overwritten {
            // Both wrote over the same revision: from what this tab wrote over.
            Some(before) if crossed && decoded.revision == self.revision => {
                Some(Self::json_of(before.as_deref()))
            }
            // From an unknown point: nothing taken for granted.
            _ if crossed => None,
            _ => Some(Self::json_of(self.seen.as_deref())),
        };
        External::Merge(Box::new(MergeInput {
            base,
            mine: current.to_json(),
            theirs: decoded.document.to_json(),
            stored: text,
        }))
    }

    /// The document JSON of the stored `text`; an empty document's for
    /// none or one that cannot be read.
    fn json_of(text: Option<&str>) -> String {
        text.and_then(|text| decode(text).ok())
            .map(|decoded| decoded.document)
            .unwrap_or_default()
            .to_json()
    }

    /// Takes `input.stored` as what is stored, once this tab's document has
    /// been combined with it: the combined document is then saved as a
    /// change over it. `settled` says whether the user chose between the two
    /// tabs' values: both sides are then kept as backups first.
    fn rebase(
        &mut self,
        input: &MergeInput,
        settled: bool,
        now: Millis,
    ) -> Result<(), BackendError> {
        let Ok(decoded) = decode(&input.stored) else {
            return Err(BackendError::Other(
                "the other tab's data cannot be read".into(),
            ));
        };
        if settled {
            let mine = encode(&input.mine, self.revision, now);
            let backed_up = self
                .write_copy(CopyKind::Conflict, Source::Text(&mine), now)
                .and_then(|_| {
                    self.write_copy(CopyKind::Conflict, Source::Text(&input.stored), now)
                });
            self.reported_backup(backed_up)?;
        }
        self.took(&decoded);
        self.seen = Some(input.stored.clone());
        self.end_merge();
        self.add(Problem::Combined);
        Ok(())
    }

    /// Combines `current` with another tab's changes, settling conflicts as
    /// `choices` say; returns the combined document, to show and then save.
    /// Where both tabs changed a value and `choices` does not settle it,
    /// nothing changes and the user is asked ([`Problem::Conflict`]).
    pub fn combine(
        &mut self,
        current: &Document,
        code: &Code,
        choices: &[Choice],
        now: Millis,
    ) -> Option<Document> {
        let External::Merge(input) = self.external_change(current, now) else {
            return None;
        };
        let merged = (code.merge)(input.base.as_deref(), &input.mine, &input.theirs).ok()?;
        let settled = |conflict: &Conflict| choices.iter().any(|(path, _)| *path == conflict.path);
        if !merged.conflicts.iter().all(settled) {
            self.conflicted(merged.conflicts);
            return None;
        }
        let document = (code.settle)(&merged, choices)
            .ok()
            .and_then(|data| Document::from_json(&data).ok())?;
        self.rebase(&input, !merged.conflicts.is_empty(), now)
            .ok()?;
        Some(document)
    }

    /// Records the values both tabs changed, for the user to choose between.
    fn conflicted(&mut self, conflicts: Vec<Conflict>) {
        self.end_merge();
        self.problems.push(Problem::Conflict { conflicts });
    }

    /// Stops telling the user that two tabs were combined.
    pub fn dismiss_combined(&mut self) {
        self.problems.retain(|p| *p != Problem::Combined);
    }

    /// Resolves [`Problem::Cleared`] by writing `mine` back, if the stored
    /// data is still gone.
    pub fn put_back(&mut self, mine: &Document, now: Millis) -> Result<(), BackendError> {
        let put = self.try_put_back(mine, now);
        self.reported(put)
    }

    fn try_put_back(&mut self, mine: &Document, now: Millis) -> Result<(), BackendError> {
        if self.backend.read(&self.keys.document)?.is_some() {
            return Err(BackendError::Other(
                "something was stored in the meantime".into(),
            ));
        }
        self.seen = None;
        self.problems.retain(|p| *p != Problem::Cleared);
        self.write(mine.to_json(), now)
    }

    /// Resolves [`Problem::Cleared`] by leaving the data removed: `mine` is
    /// kept as a backup first, and an empty document is returned.
    pub fn leave_cleared(
        &mut self,
        mine: &Document,
        now: Millis,
    ) -> Result<Document, BackendError> {
        let text = encode(&mine.to_json(), self.revision, now);
        let backed_up = self.write_copy(CopyKind::Cleared, Source::Text(&text), now);
        self.reported(backed_up)?;
        if self.backend.read(&self.keys.document)?.is_none() {
            self.seen = None;
            self.saved_json = Document::default().to_json();
            self.revision = 0;
            self.saved_at = None;
        }
        self.problems.retain(|p| *p != Problem::Cleared);
        Ok(Document::default())
    }

    /// A failed choice changes nothing; it is shown like a failed save.
    fn reported<T>(&mut self, result: Result<T, BackendError>) -> Result<T, BackendError> {
        if let Err(reason) = &result {
            self.report_save_failure(reason.clone());
        }
        result
    }

    /// The text under `key`, for downloading a copy or the stored data.
    pub fn read_raw(&self, key: &str) -> Option<String> {
        self.backend.read(key).ok().flatten()
    }

    /// The document as a file the user can keep (see
    /// [`super::transfer::export`]).
    pub fn export(&self, document: &Document, now: Millis) -> String {
        super::transfer::export(document, self.revision, now)
    }

    /// The bytes of text the stored document takes.
    pub fn stored_size(&self) -> usize {
        self.seen.as_ref().map_or(0, String::len)
    }

    /// Records that a copy of everything was downloaded `now`.
    pub fn record_download(&mut self, now: Millis) {
        self.downloaded_at = Some(now);
        // Only a reminder depends on it: if it cannot be kept, the next
        // visit reminds the user once more.
        let _ = self.backend.write(&self.keys.downloaded, &now.to_string());
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
