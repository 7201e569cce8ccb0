//! The one reducer. Actions describe intent; every change to the document is
//! made by `core` ([`Document::apply`]).

use std::rc::Rc;

use yew::prelude::*;

use super::storage::Session;
use crate::core::persist::Health;
use crate::core::schema::{Change, Document};

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub document: Rc<Document>,
    /// Counts the user's changes; the autosave watches it.
    pub edits: u64,
    pub health: Rc<Health>,
}

pub enum Action {
    /// The user changed something.
    Change(Change),
    /// The document was replaced from storage (another tab's save, or the
    /// user's choice in a conflict): shown, but not saved again.
    Adopt(Document),
    /// The storage layer reports its state.
    Health(Health),
}

impl AppState {
    pub fn new(document: Rc<Document>, health: Health) -> AppState {
        AppState {
            document,
            edits: 0,
            health: Rc::new(health),
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Change(change) => {
                let mut document = (*self.document).clone();
                if !document.apply(change) {
                    return self;
                }
                Rc::new(AppState {
                    document: Rc::new(document),
                    edits: self.edits + 1,
                    health: self.health.clone(),
                })
            }
            Action::Adopt(document) if document == *self.document => self,
            Action::Adopt(document) => Rc::new(AppState {
                document: Rc::new(document),
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
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("inside <App>")
}
