//! The entries of the accomplishment log that prove a criterion, shown
//! under it while grading, with a way to link more.

use yew::prelude::*;

use crate::core::evidence::LogEdit;
use crate::core::route::Route;
use crate::ui::dom::value_of;
use crate::ui::focus::use_focus;
use crate::ui::state::{use_app, use_edit};

#[derive(Properties, PartialEq)]
pub struct LinkedProps {
    pub criterion: AttrValue,
}

/// The linked entries, each with "Unlink", and "Link an entry…", which
/// opens a choice of the others, newest first.
#[function_component]
pub fn LinkedEntries(props: &LinkedProps) -> Html {
    let app = use_app();
    let edit = use_edit::<LogEdit>();
    let choosing = use_state(|| false);
    let chosen = use_state(String::new);
    let focus = use_focus();
    let (select, opener) = (use_node_ref(), use_node_ref());
    let log = app.state.document.evidence.shared();
    let criterion = props.criterion.to_string();
    let linked = log.linked_to(&criterion);
    let items = linked.iter().map(|entry| {
        let unlink = {
            let (entry, criterion) = (entry.id.clone(), criterion.clone());
            edit.reform(move |_: MouseEvent| LogEdit::UnlinkCriterion {
                entry: entry.clone(),
                criterion: criterion.clone(),
            })
        };
        html! {
            <li key={entry.id.as_str()}>
                <a href={Route::Entry(entry.id.clone()).href()}>{ &entry.title }</a>
                <span class="muted">{ format!(" · {}", entry.date.label()) }</span>
                <button type="button" class="secondary small" onclick={unlink}
                    aria-label={format!("Unlink “{}” from this criterion", entry.title)}>{ "Unlink" }</button>
            </li>
        }
    });
    let select_id = format!("link-entry-{criterion}");
    let picker = if *choosing {
        let others = log
            .newest_first()
            .into_iter()
            .filter(|entry| !entry.criteria.contains(&criterion));
        let options: Html = others
            .map(|entry| html! { <option value={entry.id.clone()}>{ format!("{} ({})", entry.title, entry.date.label()) }</option> })
            .collect();
        let onchange = {
            let chosen = chosen.setter();
            Callback::from(move |event: Event| chosen.set(value_of(&event)))
        };
        let link = {
            let (chosen, choosing, criterion) =
                (chosen.clone(), choosing.clone(), criterion.clone());
            let (edit, focus, opener) = (edit.clone(), focus.clone(), opener.clone());
            Callback::from(move |_: MouseEvent| {
                if chosen.is_empty() {
                    return;
                }
                edit.emit(LogEdit::LinkCriterion {
                    entry: (*chosen).clone(),
                    criterion: criterion.clone(),
                });
                chosen.set(String::new());
                choosing.set(false);
                focus.to(&opener);
            })
        };
        let cancel = {
            let (chosen, choosing) = (chosen.clone(), choosing.clone());
            let (focus, opener) = (focus.clone(), opener.clone());
            Callback::from(move |_: MouseEvent| {
                chosen.set(String::new());
                choosing.set(false);
                focus.to(&opener);
            })
        };
        html! {
            <div class="field">
                <label for={select_id.clone()}>{ "Entry of your log that proves it" }</label>
                <div class="inline-form">
                    <select id={select_id} ref={select.clone()} {onchange}>
                        <option value="" selected={chosen.is_empty()}>{ "Choose an entry…" }</option>
                        { options }
                    </select>
                    <button type="button" onclick={link}>{ "Link" }</button>
                    <button type="button" class="secondary" onclick={cancel}>{ "Cancel" }</button>
                </div>
            </div>
        }
    } else if log.entries.len() > linked.len() {
        let open = {
            let (choosing, focus, select) = (choosing.clone(), focus.clone(), select.clone());
            Callback::from(move |_: MouseEvent| {
                choosing.set(true);
                focus.to(&select);
            })
        };
        html! { <button type="button" ref={opener.clone()} class="secondary small" onclick={open}>{ "Link an entry from your log…" }</button> }
    } else {
        html! { <a href={Route::Evidence.href()}>{ "Log an accomplishment that proves it" }</a> }
    };
    html! {
        <div class="linked-entries">
            if !linked.is_empty() {
                <p class="linked-heading">{ crate::core::counted(linked.len(), "entry of your log proves it:", "entries of your log prove it:") }</p>
                <ul class="linked-list">{ for items }</ul>
            }
            { picker }
        </div>
    }
}
