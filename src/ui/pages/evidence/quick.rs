//! Logging an accomplishment in one line: a title, dated today. Here and on
//! the dashboard.

use yew::prelude::*;

use crate::core::evidence::{Entry, LogEdit};
use crate::core::route::Route;
use crate::ui::clock::{now, today};
use crate::ui::components::field::Field;
use crate::ui::dom;
use crate::ui::draft::use_draft;
use crate::ui::focus::use_focus;
use crate::ui::state::{use_app, use_edit};

#[derive(Properties, PartialEq)]
pub struct QuickAddProps {
    /// The field's id, and the key its draft is kept under.
    pub id: &'static str,
    /// Buttons that do not stand out, where another action is the page's
    /// main one.
    #[prop_or_default]
    pub quiet: bool,
}

/// What was logged last, to offer its details.
#[derive(Clone, PartialEq)]
struct Logged {
    id: String,
    title: String,
}

/// A one-line form: "Add" logs the title dated today; "Add with details"
/// logs it and opens its full form.
#[function_component]
pub fn QuickAdd(props: &QuickAddProps) -> Html {
    let app = use_app();
    let edit = use_edit::<LogEdit>();
    let focus = use_focus();
    let input = use_node_ref();
    let (title, set_title) = use_draft(props.id);
    let problem = use_state(|| None::<String>);
    let logged = use_state(|| None::<Logged>);
    let add = {
        let (title, set_title) = (title.clone(), set_title.clone());
        let (problem, logged, input) = (problem.clone(), logged.clone(), input.clone());
        let log = app.state.document.evidence.shared();
        move |details: bool| {
            let entry = Entry::quick(log.free_id(now()), &title, today());
            if let Some(first) = entry.problems().into_iter().next() {
                problem.set(Some(first.message));
                focus.to(&input);
                return;
            }
            problem.set(None);
            let id = entry.id.clone();
            logged.set(Some(Logged {
                id: id.clone(),
                title: entry.title.clone(),
            }));
            edit.emit(LogEdit::Add(entry));
            set_title.emit(String::new());
            if details {
                dom::go(&Route::Entry(id));
            }
        }
    };
    let onsubmit = {
        let add = add.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            add(false);
        })
    };
    let with_details = Callback::from(move |_: MouseEvent| add(true));
    let status = logged.as_ref().map(|logged| {
        html! {
            <>
                { format!("Logged “{}” for today. ", logged.title) }
                <a href={Route::Entry(logged.id.clone()).href()}>{ "Add its details" }</a>
            </>
        }
    });
    html! {
        <form class="quick-add" novalidate=true {onsubmit}>
            <Field
                id={props.id}
                label="What did you do?"
                value={title}
                oninput={set_title}
                problem={(*problem).clone()}
                hint={(!props.quiet).then_some("One line is enough: “Led the incident review for the checkout outage”. It is dated today; add the result, the people who saw it and the criteria it proves whenever you like.")}
                input_ref={input}
            />
            <div class="actions">
                <button type="submit" class={classes!(props.quiet.then_some("secondary"))}>{ "Add" }</button>
                <button type="button" class="secondary" onclick={with_details}>{ "Add with details" }</button>
            </div>
            <p class="quick-status" role="status">{ for status }</p>
        </form>
    }
}
