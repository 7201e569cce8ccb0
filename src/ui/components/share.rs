//! Copying and downloading what a page shares, with a line that says what
//! happened: a download is otherwise silent, and a copy is confirmed only
//! once the browser has done it. The latest action's line replaces any
//! earlier one.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

use crate::ui::dom;

/// The state behind a page's share buttons; see [`use_share`].
#[derive(Clone)]
pub struct Share {
    status: UseStateHandle<AttrValue>,
    /// Counts the actions, so that a copy confirmed late does not replace
    /// the line of a later download.
    actions: Rc<Cell<u32>>,
}

impl Share {
    /// Offers `text` as the file `name`, and says so.
    pub fn download(&self, text: &str, name: &str) {
        dom::download(text, name);
        self.downloaded(name);
    }

    /// Says that the file `name` was offered for download.
    pub fn downloaded(&self, name: &str) {
        self.next();
        self.status.set(
            format!("Downloading {name}: your browser keeps it with your other downloads.").into(),
        );
    }

    /// Copies `text` to the clipboard and says whether it worked; `what` is
    /// the thing copied ("the report").
    pub fn copy(&self, text: &str, what: &'static str) {
        let action = self.next();
        let promise = dom::clipboard().map(|clipboard| clipboard.write_text(text));
        let (status, actions) = (self.status.clone(), self.actions.clone());
        spawn_local(async move {
            let copied = match promise {
                Some(promise) => JsFuture::from(promise).await.is_ok(),
                None => false,
            };
            if actions.get() != action {
                return;
            }
            status.set(
                if copied {
                    format!("Copied {what} to the clipboard.")
                } else {
                    format!("This browser did not allow copying. Download {what} instead.")
                }
                .into(),
            );
        });
    }

    /// The line saying what the last action did, announced politely.
    pub fn status(&self) -> Html {
        html! { <p class="status" role="status">{ (*self.status).clone() }</p> }
    }

    fn next(&self) -> u32 {
        let action = self.actions.get().wrapping_add(1);
        self.actions.set(action);
        action
    }
}

/// A page's share actions and the line that reports them.
#[hook]
pub fn use_share() -> Share {
    Share {
        status: use_state(|| AttrValue::from("")),
        actions: use_memo((), |()| Cell::new(0u32)),
    }
}
