//! The app's state and its one reducer: the document the user sees, how
//! its storage is doing, and the undo on offer.
//!
//! Every change to the document is made by `core` (a [`Change`] applies
//! itself and returns its inverse), so the reducer links no part's edit
//! logic: that stays with the pages that make the changes. Everything that
//! writes to storage on the user's behalf (saving, following another tab,
//! combining, putting data back) is an action too, so the document is read
//! and replaced in this one place.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use yew::prelude::*;

use super::clock::now;
use super::merge::Combine;
use super::storage::Session;
use crate::core::merge::Choice;
use crate::core::persist::Health;
use crate::core::schema::{encode, Change, Document, Restore};

/// A change, as a page hands it to the reducer.
pub type Edit = Rc<dyn Change>;

#[derive(Clone)]
pub struct AppState {
    pub document: Rc<Document>,
    /// Counts the user's changes; the autosave watches it.
    pub edits: u64,
    /// `edits` when the document was last handed to storage: a save with
    /// nothing new since does nothing, even if that attempt failed (the
    /// user is told, and can try again).
    saved_edits: u64,
    pub health: Rc<Health>,
    /// The last change worth offering back (see [`Change::undo_label`]),
    /// while it can be undone: until it is, or is dismissed, or the
    /// document changes again.
    pub undo: Option<Rc<Undo>>,
    /// What the hosting site's configuration says (see `components::site`).
    pub site: Rc<Site>,
    session: Rc<Session>,
}

/// The hosting site, as its `rungs.config.json` describes it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Site {
    /// The organisation's name, for the header.
    pub organisation: Option<String>,
    /// Why the configuration, or the rubric it names, cannot be used.
    pub problem: Option<String>,
}

/// A change on offer to be undone: what to call it, and its inverse.
pub struct Undo {
    pub message: String,
    inverse: Restore,
}

pub enum Action {
    /// The user changed something. A change with an undo label (see
    /// [`Change::undo_label`]) is offered back.
    Change(Edit),
    /// Undo the change on offer.
    Undo,
    /// Stop offering the undo.
    Dismiss,
    /// Save the document now if it changed.
    Save,
    /// Try the failed save again.
    Retry,
    /// Another tab wrote to storage: follow it.
    External,
    /// Combine this tab's changes with another tab's, with the user's
    /// choice for each value both changed (none: this tab's).
    Combine(Combine, Vec<Choice>),
    /// Stop telling the user that two tabs were combined.
    DismissCombined,
    /// Storage was cleared elsewhere: write this tab's data back.
    PutBack,
    /// Storage was cleared elsewhere: leave it so, keeping this tab's data
    /// as a backup.
    LeaveCleared,
    /// The storage layer reports its state after a page used it directly
    /// (a backup, a download).
    Health(Health),
    /// What is learnt of the site: its name once the configuration is
    /// read, or why it, or the rubric it names, cannot be used.
    Site(Site),
}

impl AppState {
    /// Opens the stored data under `namespace` (see [`Session::open_in`]).
    pub fn open(namespace: &str) -> AppState {
        let (session, document) = Session::open_in(namespace);
        AppState {
            document: shown(Rc::new(document)),
            edits: 0,
            saved_edits: 0,
            health: Rc::new(session.health()),
            undo: None,
            site: Rc::default(),
            session,
        }
    }

    pub fn session(&self) -> &Rc<Session> {
        &self.session
    }

    /// The state after `change`, offering `undo`; itself when nothing
    /// changed.
    fn changed(self: Rc<Self>, change: &dyn Change) -> Rc<Self> {
        let label = change.undo_label(&self.document);
        let mut document = (*self.document).clone();
        let Some(inverse) = change.apply_to(&mut document) else {
            return self;
        };
        Rc::new(AppState {
            document: shown(Rc::new(document)),
            edits: self.edits + 1,
            undo: label.map(|message| Rc::new(Undo { message, inverse })),
            ..(*self).clone()
        })
    }

    /// The state showing `document`, which came from storage: `edited`
    /// when it holds changes of this tab's still to be saved.
    fn replaced(self: Rc<Self>, document: Document, edited: bool) -> Rc<Self> {
        Rc::new(AppState {
            document: shown(Rc::new(document)),
            edits: self.edits + u64::from(edited),
            undo: None,
            ..(*self).clone()
        })
        .reported()
    }

    /// The state with the storage layer's current health.
    fn reported(self: Rc<Self>) -> Rc<Self> {
        let health = self.session.health();
        if health == *self.health {
            return self;
        }
        Rc::new(AppState {
            health: Rc::new(health),
            ..(*self).clone()
        })
    }
}

/// The same state, or one that changed: every change makes new `Rc`s, so
/// comparing them is exact and never compares documents.
impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.document, &other.document)
            && Rc::ptr_eq(&self.health, &other.health)
            && Rc::ptr_eq(&self.site, &other.site)
            && self.edits == other.edits
            && self.saved_edits == other.saved_edits
            && crate::ui::same(&self.undo, &other.undo)
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let session = self.session.clone();
        match action {
            // A new change ends the offer: undoing after it could overwrite
            // what the user has done since.
            Action::Change(change) => self.changed(&*change),
            Action::Undo => match self.undo.clone() {
                Some(undo) => {
                    let next = self.clone().changed(&undo.inverse);
                    // Undoing what is already back changes nothing, and is
                    // no longer offered.
                    if Rc::ptr_eq(&next, &self) {
                        self.reduce(Action::Dismiss)
                    } else {
                        next
                    }
                }
                None => self,
            },
            Action::Dismiss if self.undo.is_none() => self,
            Action::Dismiss => Rc::new(AppState {
                undo: None,
                ..(*self).clone()
            }),
            Action::Save if self.saved_edits == self.edits => self,
            Action::Save | Action::Retry => {
                session.save(&self.document);
                Rc::new(AppState {
                    saved_edits: self.edits,
                    ..(*self).clone()
                })
                .reported()
            }
            Action::External => match session.external_change(&self.document) {
                Some(theirs) if theirs != *self.document => self.replaced(theirs, false),
                _ => self.reported(),
            },
            Action::Combine(code, choices) => {
                match session.combine(code, &self.document, &choices) {
                    Some(combined) => self.replaced(combined, true),
                    None => self.reported(),
                }
            }
            Action::DismissCombined => {
                session.dismiss_combined();
                self.reported()
            }
            Action::PutBack => {
                // A failure is in the health it reports.
                let _ = session.put_back(&self.document);
                self.reported()
            }
            Action::LeaveCleared => match session.leave_cleared(&self.document) {
                Ok(document) => self.replaced(document, false),
                Err(_) => self.reported(),
            },
            Action::Health(health) if health == *self.health => self,
            Action::Health(health) => Rc::new(AppState {
                health: Rc::new(health),
                ..(*self).clone()
            }),
            // What is known adds up, whichever arrives first: the name, and
            // a problem found by the configuration's reader or the rubric's.
            Action::Site(news) => {
                let site = Site {
                    organisation: news.organisation.or_else(|| self.site.organisation.clone()),
                    problem: news.problem.or_else(|| self.site.problem.clone()),
                };
                if site == *self.site {
                    return self;
                }
                Rc::new(AppState {
                    site: Rc::new(site),
                    ..(*self).clone()
                })
            }
        }
    }
}

thread_local! {
    /// The document on screen, for the panic page, which must offer it
    /// while anything may be mid-borrow. Weak: it never keeps an old
    /// document alive, and it is not a second copy that could drift from
    /// the state, only a way to reach the state's own.
    static SHOWN: RefCell<Weak<Document>> = const { RefCell::new(Weak::new()) };
}

/// Records `document` as the one on screen (see [`SHOWN`]).
fn shown(document: Rc<Document>) -> Rc<Document> {
    SHOWN.with(|shown| *shown.borrow_mut() = Rc::downgrade(&document));
    document
}

/// The document on screen as a file, if it can be had without waiting: for
/// the panic page.
pub fn export_for_emergency() -> Option<String> {
    let document = SHOWN.with(|shown| shown.try_borrow().ok()?.upgrade())?;
    Some(encode(&document.to_json(), 0, now()))
}

/// What every page can reach: the state and its dispatcher, and through
/// the state, the session.
#[derive(Clone, PartialEq)]
pub struct AppContext {
    pub state: UseReducerHandle<AppState>,
}

impl AppContext {
    /// The session the state holds, for what a page reads from storage
    /// directly (copies, sizes) or keeps (a backup, a download).
    pub fn session(&self) -> Rc<Session> {
        self.state.session().clone()
    }
}

/// The app's context; every page sits inside its provider.
///
/// A part of the document is decoded when a page first reads it. If it
/// could not be decoded, the stored text is set aside right after that
/// render, before the user can change anything, and the notices say so.
#[hook]
pub fn use_app() -> AppContext {
    let app = use_context::<AppContext>().expect("inside <App>");
    {
        let app = app.clone();
        use_effect(move || {
            if let Some(health) = app.session().set_aside_unreadable(&app.state.document) {
                app.state.dispatch(Action::Health(health));
            }
        });
    }
    app
}

/// A callback that applies a part's edits (`PlanEdit`, `VocabEdit`, the
/// assessment's `Edit`): `let edit = use_edit::<PlanEdit>();`.
#[hook]
pub fn use_edit<C: Change + 'static>() -> Callback<C> {
    let dispatcher = use_app().state.dispatcher();
    use_callback((), move |change: C, _| {
        dispatcher.dispatch(Action::Change(Rc::new(change)))
    })
}
