//! `#/evidence` and its pages: the accomplishment log, one entry's full
//! form, where the case is thin, the promotion packet and the update on
//! recent work.

mod coverage;
mod entry;
mod packet;
pub mod quick;
mod update;

use std::rc::Rc;

use yew::prelude::*;

use crate::core::evidence::{Entry, Filter, Kind, LogEdit};
use crate::core::export::plan::criterion_text;
use crate::core::route::Route;
use crate::core::rubric::Rubric;
use crate::core::time::Date;
use crate::ui::components::date_field::DateField;
use crate::ui::components::page_header::PageHeader;
use crate::ui::components::subnav;
use crate::ui::components::term_links::linked;
use crate::ui::content::use_ready_rubric as use_rubric;
use crate::ui::dom::value_of;
use crate::ui::state::{use_app, use_edit};
use crate::ui::terms::{use_glossed, Glossed};

/// The surface's pages (the entry point of its split point).
pub fn view(route: &Route) -> Html {
    match route {
        Route::Entry(id) => html! { <entry::EntryPage key={id.as_str()} id={id.clone()} /> },
        Route::Coverage => html! { <coverage::CoveragePage /> },
        Route::Packet => html! { <packet::PacketPage /> },
        Route::Update => html! { <update::UpdatePage /> },
        _ => html! { <LogPage /> },
    }
}

/// The log's pages, as a second navigation.
fn log_nav(current: &Route) -> Html {
    subnav(
        "Accomplishments",
        &[
            (Route::Evidence, "Log"),
            (Route::Coverage, "Where your case is thin"),
            (Route::Packet, "Promotion packet"),
            (Route::Update, "Update"),
        ],
        current,
    )
}

/// `#/evidence`: quick add, the filters and the log.
#[function_component]
fn LogPage() -> Html {
    html! {
        <>
            <PageHeader
                title="Accomplishment log"
                lead="Write down what you did while you remember it: a line now, the details when you have a minute. Link each entry to the criteria it proves, and your case builds itself."
            />
            { log_nav(&Route::Evidence) }
            <div class="stack">
                <section class="card" aria-labelledby="quick-heading">
                    <h2 id="quick-heading">{ "Log an accomplishment" }</h2>
                    <quick::QuickAdd id="quick-add" />
                </section>
                <Entries />
            </div>
        </>
    }
}

/// How many entries of the log are drawn at first, and added by "Show
/// more".
const PAGE: usize = 50;

/// The filters, as the form shows them.
#[derive(Clone, Debug, Default, PartialEq)]
struct Filters {
    text: String,
    kind: String,
    area: String,
    criterion: String,
    from: Option<Date>,
    to: Option<Date>,
    unlinked: bool,
}

impl Filters {
    fn filter(&self) -> Filter {
        let chosen = |id: &str| (!id.is_empty()).then(|| id.to_owned());
        Filter {
            text: self.text.clone(),
            kind: Kind::from_id(&self.kind),
            area: chosen(&self.area),
            criterion: chosen(&self.criterion),
            from: self.from,
            to: self.to,
            unlinked: self.unlinked,
        }
    }
}

/// The log, newest first, with its filters.
#[function_component]
fn Entries() -> Html {
    let app = use_app();
    let rubric = use_rubric();
    let glossed = use_glossed();
    let filters = use_state(Filters::default);
    // How many entries are drawn: a long log is drawn a page at a time.
    let shown = use_state(|| PAGE);
    let log = app.state.document.evidence.shared();
    let empty = Rubric::default();
    let found = log.find(&filters.filter(), rubric.as_deref().unwrap_or(&empty));
    let filtered = *filters != Filters::default();
    let set = |change: fn(&mut Filters, String)| {
        let filters = filters.clone();
        Callback::from(move |event: Event| {
            let mut next = (*filters).clone();
            change(&mut next, value_of(&event));
            filters.set(next);
        })
    };
    let on_text = {
        let filters = filters.clone();
        Callback::from(move |event: InputEvent| {
            let mut next = (*filters).clone();
            next.text = value_of(&event);
            filters.set(next);
        })
    };
    let on_from = {
        let filters = filters.clone();
        Callback::from(move |from| {
            filters.set(Filters {
                from,
                ..(*filters).clone()
            })
        })
    };
    let on_to = {
        let filters = filters.clone();
        Callback::from(move |to| {
            filters.set(Filters {
                to,
                ..(*filters).clone()
            })
        })
    };
    let on_unlinked = {
        let filters = filters.clone();
        Callback::from(move |_: Event| {
            filters.set(Filters {
                unlinked: !filters.unlinked,
                ..(*filters).clone()
            })
        })
    };
    let clear = {
        let filters = filters.clone();
        Callback::from(move |_: MouseEvent| filters.set(Filters::default()))
    };
    let chosen_track = app
        .state
        .document
        .assessment
        .track
        .clone()
        .unwrap_or_default();
    let track = rubric
        .as_deref()
        .and_then(|rubric| rubric.track(&chosen_track));
    let areas = track.map(|track| {
        track.areas.iter().map(|area| {
            html! { <option value={area.id.clone()} selected={filters.area == area.id}>{ &area.name }</option> }
        }).collect::<Html>()
    });
    let criteria = track.map(|track| {
        track.areas.iter().map(|area| {
            let options = area.criteria.iter().map(|c| {
                html! { <option value={c.id.clone()} selected={filters.criterion == c.id}>{ &c.text }</option> }
            });
            html! { <optgroup label={area.name.clone()}>{ for options }</optgroup> }
        }).collect::<Html>()
    });
    let more = found.len().saturating_sub(*shown);
    let show_more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    let items = found
        .iter()
        .take(*shown)
        .map(|entry| html! { <EntryItem key={entry.id.as_str()} entry={Rc::new((*entry).clone())} rubric={rubric.clone()} glossed={glossed.clone()} /> });
    let total = log.entries.len();
    html! {
        <section class="card" aria-labelledby="log-heading">
            <h2 id="log-heading">{ format!("Your log ({total})") }</h2>
            if total == 0 {
                <p class="muted">{ "Nothing logged yet. Start with something you did this week: a review you gave, a bug you fixed, a number you moved." }</p>
            } else {
                <form class="log-filters" role="search" aria-label="Search the log" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <div class="field">
                        <label for="log-search">{ "Search" }</label>
                        <input id="log-search" type="search" value={filters.text.clone()} oninput={on_text} />
                    </div>
                    <details class="log-more">
                    <summary>{ "More filters" }</summary>
                    <div class="log-more-fields">
                    <div class="field">
                        <label for="log-kind">{ "Kind" }</label>
                        <select id="log-kind" onchange={set(|f, v| f.kind = v)}>
                            <option value="" selected={filters.kind.is_empty()}>{ "Every kind" }</option>
                            { for Kind::ALL.iter().map(|kind| html! {
                                <option value={kind.id()} selected={filters.kind == kind.id()}>{ kind.label() }</option>
                            }) }
                        </select>
                    </div>
                    if let Some(areas) = areas {
                        <div class="field">
                            <label for="log-area">{ "Area" }</label>
                            <select id="log-area" onchange={set(|f, v| f.area = v)}>
                                <option value="" selected={filters.area.is_empty()}>{ "Every area" }</option>
                                { areas }
                            </select>
                        </div>
                    }
                    if let Some(criteria) = criteria {
                        <div class="field">
                            <label for="log-criterion">{ "Criterion" }</label>
                            <select id="log-criterion" onchange={set(|f, v| f.criterion = v)}>
                                <option value="" selected={filters.criterion.is_empty()}>{ "Every criterion" }</option>
                                { criteria }
                            </select>
                        </div>
                    }
                    <DateField id="log-from" label="From" value={filters.from} onchange={on_from} />
                    <DateField id="log-to" label="To" value={filters.to} onchange={on_to} />
                    <div class="field check">
                        <input id="log-unlinked" type="checkbox" checked={filters.unlinked} onchange={on_unlinked} />
                        <label for="log-unlinked">{ "Only entries linked to no criterion" }</label>
                    </div>
                    </div>
                    </details>
                    if filtered {
                        <div class="actions"><button type="button" class="secondary" onclick={clear}>{ "Clear the filters" }</button></div>
                    }
                </form>
                <p class="muted" role="status">{ if filtered {
                    format!("{} of {total} shown.", found.len())
                } else {
                    String::new()
                } }</p>
                if found.is_empty() {
                    <p>{ "No entry matches these filters." }</p>
                } else {
                    <ol class="log">{ for items }</ol>
                    if more > 0 {
                        <div class="actions log-more-entries">
                            <button type="button" class="secondary" onclick={show_more}>
                                { format!("Show {} more of {}", more.min(PAGE), crate::core::counted(found.len(), "entry", "entries")) }
                            </button>
                        </div>
                    }
                }
            }
        </section>
    }
}

#[derive(Properties)]
struct EntryItemProps {
    entry: Rc<Entry>,
    rubric: Option<Rc<Rubric>>,
    glossed: Option<Rc<Glossed>>,
}

impl PartialEq for EntryItemProps {
    fn eq(&self, other: &Self) -> bool {
        self.entry == other.entry
            && crate::ui::same(&self.rubric, &other.rubric)
            && crate::ui::same(&self.glossed, &other.glossed)
    }
}

/// One entry of the log: what, when, what came of it and what it proves,
/// with edit and delete.
#[function_component]
fn EntryItem(props: &EntryItemProps) -> Html {
    let edit = use_edit::<LogEdit>();
    let entry = &props.entry;
    let delete = {
        let id = entry.id.clone();
        edit.reform(move |_: MouseEvent| LogEdit::Remove(id.clone()))
    };
    let criteria: Vec<&str> = props
        .rubric
        .as_deref()
        .map(|rubric| {
            entry
                .criteria
                .iter()
                .filter_map(|id| criterion_text(rubric, id))
                .collect()
        })
        .unwrap_or_default();
    let heading = format!("entry-{}", entry.id);
    let (story, popovers) = linked(&entry.story, props.glossed.as_deref(), &entry.id);
    html! {
        <li class="log-entry" aria-labelledby={heading.clone()}>
            <h3 id={heading}><a href={Route::Entry(entry.id.clone()).href()}>{ &entry.title }</a></h3>
            <p class="log-meta">
                <span>{ entry.date.label() }</span>
                <span>{ entry.kind.label() }</span>
                if !criteria.is_empty() {
                    <span>{ crate::core::counted(criteria.len(), "criterion", "criteria") }</span>
                }
            </p>
            if let Some(result) = entry.result.summary() {
                <p class="log-result">{ result }</p>
            }
            if !entry.story.is_empty() {
                <p class="log-story">{ story }</p>
                { popovers }
            }
            if !criteria.is_empty() {
                <ul class="log-criteria" aria-label="Criteria it proves">
                    { for criteria.iter().map(|text| html! { <li>{ *text }</li> }) }
                </ul>
            }
            <div class="actions">
                <a class="button secondary small" href={Route::Entry(entry.id.clone()).href()} aria-label={format!("Edit “{}”", entry.title)}>{ "Edit" }</a>
                <button type="button" class="secondary small" onclick={delete} aria-label={format!("Delete “{}”", entry.title)}>{ "Delete" }</button>
            </div>
        </li>
    }
}
