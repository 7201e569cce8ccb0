//! Adding and editing the user's own terms.

use std::rc::Rc;

use web_sys::HtmlDetailsElement;
use yew::prelude::*;

use crate::core::glossary::{tag_label, Terms, TAGS};
use crate::core::route::Route;
use crate::core::vocabulary::{check, Draft, Field, Problem, VocabEdit};
use crate::ui::dom;
use crate::ui::focus::use_focus;
use crate::ui::state::use_edit;

#[derive(Properties, PartialEq)]
pub struct AddProps {
    pub terms: Rc<Terms>,
    /// A draft to open the form with (from "add it as your own term").
    pub draft: Option<Draft>,
    pub on_open: UseStateSetter<Option<Draft>>,
}

/// "Add your own term": a disclosure holding the form, which opens below
/// its summary with focus in its first field.
#[function_component]
pub fn AddTerm(props: &AddProps) -> Html {
    let open = use_state(|| false);
    let focus = use_focus();
    let summary = use_node_ref();
    {
        let open = open.clone();
        use_effect_with(props.draft.clone(), move |draft| {
            if draft.is_some() {
                open.set(true);
            }
        });
    }
    let ontoggle = {
        let open = open.clone();
        let on_open = props.on_open.clone();
        Callback::from(move |event: Event| {
            let now = event.target_unchecked_into::<HtmlDetailsElement>().open();
            if !now {
                on_open.set(None);
            }
            open.set(now);
        })
    };
    let on_done = {
        let (open, on_open, summary) = (open.clone(), props.on_open.clone(), summary.clone());
        Callback::from(move |saved: Option<String>| {
            open.set(false);
            on_open.set(None);
            match saved {
                Some(id) => dom::go(&Route::GlossaryTerm(id)),
                None => focus.to(&summary),
            }
        })
    };
    let draft = props.draft.clone().unwrap_or_default();
    let key = draft.name.clone();
    html! {
        <details id="glossary-add-tool" class="tool" open={*open} {ontoggle}>
            <summary ref={summary}>{ "Add your own term" }</summary>
            if *open {
                <TermForm {key} terms={props.terms.clone()} {draft} editing={None::<AttrValue>} {on_done} focus_first=true />
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub terms: Rc<Terms>,
    pub draft: Draft,
    /// The id of the own term being edited; `None` adds a new one.
    pub editing: Option<AttrValue>,
    /// Called with the saved term's id, or `None` when cancelled.
    pub on_done: Callback<Option<String>>,
    #[prop_or_default]
    pub focus_first: bool,
}

/// Where each field's control is, to send focus to the first problem.
#[derive(Default)]
struct Controls {
    name: NodeRef,
    aliases: NodeRef,
    /// The first tag's box.
    tags: NodeRef,
    definition: NodeRef,
    example: NodeRef,
}

impl Controls {
    fn of(&self, field: Field) -> &NodeRef {
        match field {
            Field::Name => &self.name,
            Field::Aliases => &self.aliases,
            Field::Tags => &self.tags,
            Field::Definition => &self.definition,
            Field::Example => &self.example,
        }
    }
}

/// The fields of a term, checked on saving; each problem is shown beside
/// its field and nothing is saved until there are none.
#[function_component]
pub fn TermForm(props: &FormProps) -> Html {
    let draft = use_state(|| props.draft.clone());
    let problems = use_state(Vec::<Problem>::new);
    let on_edit = use_edit::<VocabEdit>();
    let focus = use_focus();
    let controls = use_memo((), |()| Controls::default());
    {
        let (focus_first, name) = (props.focus_first, controls.name.clone());
        use_effect_with((), move |()| {
            if focus_first {
                crate::ui::focus::focus(&name);
            }
        });
    }

    let text_input = |set: fn(&mut Draft, String)| {
        let draft = draft.clone();
        Callback::from(move |event: InputEvent| {
            let mut next = (*draft).clone();
            set(&mut next, dom::value_of(&event));
            draft.set(next);
        })
    };
    let onsubmit = {
        let draft = draft.clone();
        let problems = problems.clone();
        let terms = props.terms.clone();
        let editing = props.editing.clone();
        let on_done = props.on_done.clone();
        let controls = controls.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match check(&draft, editing.as_deref(), &terms.all()) {
                Ok(term) => {
                    let id = term.id.clone();
                    on_edit.emit(if editing.is_some() {
                        VocabEdit::Update(term)
                    } else {
                        VocabEdit::Add(term)
                    });
                    on_done.emit(Some(id));
                }
                Err(found) => {
                    if let Some(first) = found.first() {
                        focus.to(controls.of(first.field));
                    }
                    problems.set(found);
                }
            }
        })
    };
    let cancel = {
        let on_done = props.on_done.clone();
        Callback::from(move |_: MouseEvent| on_done.emit(None))
    };
    let problem = |field: Field| problems.iter().find(|p| p.field == field);
    let invalid = |field: Field| problem(field).map(|_| "true");
    let error_id = |field: Field| format!("term-{}-error", field.id());
    let error = |field: Field| {
        problem(field)
            .map(|p| html! { <p id={error_id(field)} class="field-error">{ &p.message }</p> })
    };
    // A labelled text box or area, with its hint and its problem, if any.
    let text_field = |field: Field,
                      label: &str,
                      value: &str,
                      rows: Option<&'static str>,
                      hint: Option<&str>,
                      set: fn(&mut Draft, String)| {
        let id = format!("term-{}", field.id());
        let hint_id = format!("{id}-hint");
        let described: Vec<String> = hint
            .map(|_| hint_id.clone())
            .into_iter()
            .chain(problem(field).map(|_| error_id(field)))
            .collect();
        let described = (!described.is_empty()).then(|| described.join(" "));
        let (value, oninput, invalid) = (value.to_owned(), text_input(set), invalid(field));
        let node = controls.of(field).clone();
        let control = match rows {
            None => html! {
                <input ref={node} id={id.clone()} type="text" {value} {oninput} aria-invalid={invalid} aria-describedby={described} />
            },
            Some(rows) => html! {
                <textarea ref={node} id={id.clone()} {rows} {value} {oninput} aria-invalid={invalid} aria-describedby={described} />
            },
        };
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                { control }
                if let Some(hint) = hint {
                    <p id={hint_id} class="hint">{ hint }</p>
                }
                { error(field) }
            </div>
        }
    };

    let tags = TAGS.iter().enumerate().map(|(i, tag)| {
        let checked = draft.tags.iter().any(|t| t == tag);
        let draft = draft.clone();
        let onchange = Callback::from(move |_: Event| {
            let mut next = (*draft).clone();
            if checked {
                next.tags.retain(|t| t != tag);
            } else {
                next.tags.push((*tag).to_owned());
            }
            draft.set(next);
        });
        // The first box is where a problem with the tags sends focus.
        let node = if i == 0 {
            controls.tags.clone()
        } else {
            NodeRef::default()
        };
        html! {
            <label class="grade-choice">
                <input type="checkbox" ref={node} value={*tag} {checked} {onchange} />
                { tag_label(tag) }
            </label>
        }
    });
    let saving = if props.editing.is_some() {
        "Save changes"
    } else {
        "Add the term"
    };
    html! {
        <form class="term-form" novalidate=true {onsubmit}>
            if !problems.is_empty() {
                <p class="field-error" role="alert">
                    { format!("{} to fix before saving; nothing has been saved yet.", match problems.len() { 1 => "One thing".to_owned(), n => format!("{n} things") }) }
                </p>
            }
            { text_field(Field::Name, "Term", &draft.name, None, None, |d, v| d.name = v) }
            { text_field(Field::Aliases, "Abbreviations and other names", &draft.aliases, None, Some("Optional. Separate them with commas."), |d, v| d.aliases = v) }
            <fieldset class="field" aria-invalid={invalid(Field::Tags)} aria-describedby={problem(Field::Tags).map(|_| error_id(Field::Tags))}>
                <legend>{ "Tags" }</legend>
                <div class="grade-choices">{ for tags }</div>
                { error(Field::Tags) }
            </fieldset>
            { text_field(Field::Definition, "What it means", &draft.definition, Some("3"), None, |d, v| d.definition = v) }
            { text_field(Field::Example, "How you would use it in a promotion conversation", &draft.example, Some("2"), Some("Optional."), |d, v| d.example = v) }
            <div class="actions">
                <button type="submit">{ saving }</button>
                <button type="button" class="secondary" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
