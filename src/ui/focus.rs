//! Moving keyboard focus, the Yew way: a [`NodeRef`] on the element, and an
//! effect that focuses it after the render that shows it.
//!
//! ```ignore
//! let focus = use_focus();
//! let title = use_node_ref();
//! let onclick = {
//!     let (focus, title) = (focus.clone(), title.clone());
//!     Callback::from(move |_| focus.to(&title))
//! };
//! html! { <input ref={title} /> }
//! ```
//!
//! The element may not exist yet when the event asks for it (a form the
//! click opens): the request waits for this component's next render, which
//! asking forces, and the element is focused once that render is on the
//! page.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

/// Focus requests for one component: see [`use_focus`].
#[derive(Clone)]
pub struct Focus {
    wanted: Rc<RefCell<Option<NodeRef>>>,
    render: UseForceUpdateHandle,
}

impl Focus {
    /// Moves focus to `node` once this component has rendered again.
    pub fn to(&self, node: &NodeRef) {
        *self.wanted.borrow_mut() = Some(node.clone());
        self.render.force_update();
    }
}

/// Two handles are the same when they ask the same component.
impl PartialEq for Focus {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.wanted, &other.wanted)
    }
}

/// A component's way to move focus after it renders (see the module docs).
#[hook]
pub fn use_focus() -> Focus {
    let wanted = use_mut_ref(|| None::<NodeRef>);
    let render = use_force_update();
    {
        let wanted = wanted.clone();
        use_effect(move || {
            if let Some(node) = wanted.borrow_mut().take() {
                focus(&node);
            }
        });
    }
    Focus { wanted, render }
}

/// Focuses the element `node` holds, if it is on the page: for an effect
/// that runs once the element exists.
pub fn focus(node: &NodeRef) {
    if let Some(element) = node.cast::<HtmlElement>() {
        let _ = element.focus();
    }
}
