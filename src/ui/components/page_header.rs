use yew::prelude::*;

use crate::ui::dom;

#[derive(Properties, PartialEq)]
pub struct PageHeaderProps {
    pub title: AttrValue,
    #[prop_or_default]
    pub lead: Option<AttrValue>,
}

/// A page's heading (focused after navigation) and its opening line. The
/// heading titles the document too, so that a page whose heading depends on
/// its content (a glossary term) is titled after it.
#[function_component]
pub fn PageHeader(props: &PageHeaderProps) -> Html {
    use_effect_with(props.title.clone(), |title| {
        dom::document().set_title(&format!("{title} · Rungs"));
    });
    html! {
        <header class="page-header">
            <h1 tabindex="-1">{ &props.title }</h1>
            if let Some(lead) = &props.lead {
                <p class="lead">{ lead }</p>
            }
        </header>
    }
}
