//! Every page's heading and opening line, which also title the document
//! and take focus after a navigation.

use gloo_timers::callback::Timeout;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::ui::app::SAVE_DELAY_MS;
use crate::ui::dom;

#[derive(Properties, PartialEq)]
pub struct PageHeaderProps {
    pub title: AttrValue,
    #[prop_or_default]
    pub lead: Option<AttrValue>,
}

/// A page's heading and its opening line. After a navigation the heading
/// takes focus when it appears, so that screen readers announce the new
/// page, even when its code arrived later. The heading titles the document
/// too, so that a page whose heading depends on its content (a glossary
/// term) is titled after it.
///
/// A heading that changes while it is shown follows what is being typed
/// (an entry's title, a goal's outcome): the document is titled after it
/// once typing pauses, as the autosave waits: titling the document takes
/// Chromium about half a millisecond, a large share of a keystroke's work.
#[function_component]
pub fn PageHeader(props: &PageHeaderProps) -> Html {
    let heading = use_node_ref();
    let shown = use_mut_ref(|| false);
    {
        let heading = heading.clone();
        use_effect_with(props.title.clone(), move |title| {
            let title = format!("{title} · Rungs");
            let later = if shown.replace(true) {
                Some(Timeout::new(SAVE_DELAY_MS, move || {
                    dom::document().set_title(&title)
                }))
            } else {
                dom::document().set_title(&title);
                None
            };
            if crate::ui::take_focus() {
                if let Some(heading) = heading.cast::<HtmlElement>() {
                    let _ = heading.focus();
                }
            }
            move || drop(later)
        });
    }
    html! {
        <header class="page-header">
            <h1 tabindex="-1" ref={heading}>{ &props.title }</h1>
            if let Some(lead) = &props.lead {
                <p class="lead">{ lead }</p>
            }
        </header>
    }
}
