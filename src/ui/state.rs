//! The one reducer. Actions describe intent; every change to the document is
//! made by `core` (a [`Change`] applies itself), so the reducer links no
//! part's edit logic: that stays with the pages that make the changes.

use std::rc::Rc;

use yew::prelude::*;

use super::storage::Session;
use crate::core::persist::Health;
use crate::core::schema::{Change, Document};

/// A change, as a page hands it to the reducer.
pub type Edit = Rc<dyn Change>;

#[derive(Clone)]
pub struct AppState {
    pub document: Rc<Document>,
    /// Counts the user's changes; the autosave watches it.
    pub edits: u64,
    pub health: Rc<Health>,
    /// What the last deletion can be undone with, while it is offered: until
    /// it is used or dismissed, or the document changes again.
    pub undo: Option<Rc<Undo>>,
}

/// A deletion that can be taken back: what to say, and the changes that
/// put things back.
pub struct Undo {
    pub message: String,
    pub changes: Vec<Edit>,
}

pub enum Action {
    /// The user changed something.
    Change(Edit),
    /// The document was replaced from storage (another tab's save, or the
    /// user's choice in a conflict): shown, but not saved again.
    Adopt(Document),
    /// This tab's changes were combined with another tab's: shown, and
    /// saved like any change.
    Combined(Document),
    /// The storage layer reports its state.
    Health(Health),
    /// The user deleted something: the change, and how to undo it.
    Delete(Edit, Undo),
    /// Undo the deletion on offer.
    Undo,
    /// Stop offering the undo.
    Dismiss,
}

impl AppState {
    pub fn new(document: Rc<Document>, health: Health) -> AppState {
        AppState {
            document,
            edits: 0,
            health: Rc::new(health),
            undo: None,
        }
    }

    /// The state after `changes`, offering `undo`; itself when nothing
    /// changed.
    fn changed(self: Rc<Self>, changes: Vec<Edit>, undo: Option<Rc<Undo>>) -> Rc<Self> {
        let mut document = (*self.document).clone();
        let mut any = false;
        for change in changes {
            any |= change.apply_to(&mut document);
        }
        if !any {
            return self;
        }
        Rc::new(AppState {
            document: Rc::new(document),
            edits: self.edits + 1,
            health: self.health.clone(),
            undo,
        })
    }
}

/// The same state, or one that changed: every change makes new `Rc`s, so
/// comparing them is exact and never compares documents.
impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.document, &other.document)
            && Rc::ptr_eq(&self.health, &other.health)
            && self.edits == other.edits
            && match (&self.undo, &other.undo) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            // A new change ends the offer: undoing after it could overwrite
            // what the user has done since.
            Action::Change(change) => self.changed(vec![change], None),
            Action::Undo => match self.undo.clone() {
                // Undoing what is already back changes nothing, and is
                // no longer offered.
                Some(undo) => {
                    let next = self.clone().changed(undo.changes.clone(), None);
                    if Rc::ptr_eq(&next, &self) {
                        self.reduce(Action::Dismiss)
                    } else {
                        next
                    }
                }
                None => self,
            },
            Action::Delete(change, undo) => self.changed(vec![change], Some(Rc::new(undo))),
            Action::Dismiss if self.undo.is_none() => self,
            Action::Dismiss => Rc::new(AppState {
                undo: None,
                ..(*self).clone()
            }),
            Action::Adopt(document) if document == *self.document => self,
            Action::Adopt(document) => Rc::new(AppState {
                document: Rc::new(document),
                undo: None,
                ..(*self).clone()
            }),
            Action::Combined(document) => Rc::new(AppState {
                document: Rc::new(document),
                edits: self.edits + 1,
                undo: None,
                ..(*self).clone()
            }),
            Action::Health(health) if health == *self.health => self,
            Action::Health(health) => Rc::new(AppState {
                health: Rc::new(health),
                ..(*self).clone()
            }),
        }
    }
}

/// What every page can reach: the state, its dispatcher and the session.
#[derive(Clone)]
pub struct AppContext {
    pub state: UseReducerHandle<AppState>,
    pub session: Rc<Session>,
}

impl PartialEq for AppContext {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state && Rc::ptr_eq(&self.session, &other.session)
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
            if let Some(health) = app.session.set_aside_unreadable(&app.state.document) {
                app.state.dispatch(Action::Health(health));
            }
        });
    }
    app
}
