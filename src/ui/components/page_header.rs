use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PageHeaderProps {
    pub title: AttrValue,
    #[prop_or_default]
    pub lead: Option<AttrValue>,
}

/// A page's heading (focused after navigation) and its opening line.
#[function_component]
pub fn PageHeader(props: &PageHeaderProps) -> Html {
    html! {
        <header class="page-header">
            <h1 tabindex="-1">{ &props.title }</h1>
            if let Some(lead) = &props.lead {
                <p class="lead">{ lead }</p>
            }
        </header>
    }
}
