//! Every page's heading and opening line, which also title the document
//! and take focus after a navigation.

use web_sys::HtmlElement;
use yew::prelude::*;

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
#[function_component]
pub fn PageHeader(props: &PageHeaderProps) -> Html {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(props.title.clone(), move |title| {
            dom::document().set_title(&format!("{title} · Rungs"));
            if crate::ui::take_focus() {
                if let Some(heading) = heading.cast::<HtmlElement>() {
                    let _ = heading.focus();
                }
            }
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
