//! Text typed into a form that has not been submitted yet, kept for the
//! session so that leaving the page and coming back does not lose it.

use std::cell::RefCell;
use std::collections::HashMap;

use yew::prelude::*;

thread_local! {
    /// Drafts by form. Not app state: a draft is not a change to the
    /// document (nothing is saved until the form is sent), and it must
    /// outlive the form's component when the user follows a link away.
    static DRAFTS: RefCell<HashMap<&'static str, String>> = RefCell::new(HashMap::new());
}

/// The draft under `key` and a callback that sets it. Setting it to the
/// empty string (after the form is submitted) forgets it.
#[hook]
pub fn use_draft(key: &'static str) -> (String, Callback<String>) {
    let text =
        use_state(|| DRAFTS.with(|drafts| drafts.borrow().get(key).cloned().unwrap_or_default()));
    let set = {
        let text = text.setter();
        Callback::from(move |value: String| {
            DRAFTS.with(|drafts| {
                let mut drafts = drafts.borrow_mut();
                if value.is_empty() {
                    drafts.remove(key);
                } else {
                    drafts.insert(key, value.clone());
                }
            });
            text.set(value);
        })
    };
    ((*text).clone(), set)
}
