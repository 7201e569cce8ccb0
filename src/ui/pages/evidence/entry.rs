//! `#/evidence/<id>`: one accomplishment's full form. What is typed is saved
//! as it is typed, whenever the whole form can be saved; while something
//! is wrong, the form says what beside the field and nothing stored
//! changes.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::assessment::Assessment;
use crate::core::entry_form::{EntryText, ResultKind};
use crate::core::evidence::{Entry, Field as EntryField, Kind, LogEdit, Problem};
use crate::core::export::plan::criterion_text;
use crate::core::fold::starts_words;
use crate::core::plan::linkable;
use crate::core::route::Route;
use crate::core::rubric::Rubric;
use crate::core::time::Date;
use crate::ui::components::confirm::ConfirmDelete;
use crate::ui::components::date_field::DateField;
use crate::ui::components::field::Field;
use crate::ui::components::page_header::PageHeader;
use crate::ui::components::term_links::mentions;
use crate::ui::dom::{self, value_of};
use crate::ui::state::{use_app, use_edit};
use crate::ui::terms::use_glossed;

use super::{log_nav, use_rubric};

#[derive(Properties, PartialEq)]
pub struct EntryProps {
    pub id: String,
}

#[function_component]
pub fn EntryPage(props: &EntryProps) -> Html {
    let app = use_app();
    let log = app.state.document.evidence.shared();
    let Some(entry) = log.entry(&props.id) else {
        return html! {
            <>
                <PageHeader title="Accomplishment" lead="This entry is not in your log." />
                { log_nav(&Route::Entry(props.id.clone())) }
                <p class="card">
                    { "It may have been deleted, here or in another tab. " }
                    <a href={Route::Evidence.href()}>{ "Back to your log" }</a>
                </p>
            </>
        };
    };
    let entry = Rc::new(entry.clone());
    html! {
        <>
            <PageHeader title={entry.title.clone()} lead="Everything about this accomplishment. Changes are saved as you type." />
            { log_nav(&Route::Entry(props.id.clone())) }
            <div class="stack">
                <EntryForm entry={entry.clone()} />
                <Criteria entry={entry.clone()} />
                <Actions {entry} />
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct EntryPropsRc {
    entry: Rc<Entry>,
}

/// The messages about `field`, joined; `None` when it has none.
fn about(problems: &[Problem], field: EntryField) -> Option<AttrValue> {
    let messages: Vec<&str> = problems
        .iter()
        .filter(|p| p.field == field)
        .map(|p| p.message.as_str())
        .collect();
    (!messages.is_empty()).then(|| messages.join(" ").into())
}

#[function_component]
fn EntryForm(props: &EntryPropsRc) -> Html {
    let edit = use_edit::<LogEdit>();
    let glossed = use_glossed();
    let stored = props.entry.clone();
    // The form as typed: held apart from rendering, so that two changes
    // before the next render each build on the one before.
    let form = use_mut_ref(|| EntryText::of(&stored));
    let redraw = use_force_update();
    // The stored entry the form last saw: after each render, the one
    // drawn, which every handler reads.
    let seen = use_mut_ref(|| stored.clone());
    {
        // A change from elsewhere (an undo, another tab) shows in the form
        // only while the form holds nothing unsaved, and only when it is a
        // change to what the form shows (not a criterion linked): what the
        // user is typing is never replaced.
        let (form, seen, redraw) = (form.clone(), seen.clone(), redraw.clone());
        use_effect_with(stored.clone(), move |stored| {
            let before = seen.replace(stored.clone());
            let shown_changed = EntryText::of(&before) != EntryText::of(stored);
            let nothing_unsaved = form.borrow().read(&before).as_ref() == Ok(&*before);
            if shown_changed && nothing_unsaved {
                *form.borrow_mut() = EntryText::of(stored);
                redraw.force_update();
            }
        });
    }
    let on = use_memo((), {
        let (form, edit) = (form.clone(), edit.clone());
        move |()| Handlers::new(form, seen, edit, redraw)
    });
    let text = form.borrow().clone();
    let problems = text.read(&stored).err().unwrap_or_default();
    // Linked terms follow the story, not every other keystroke.
    let story_terms = use_memo((text.story.clone(), glossed), |(story, glossed)| {
        mentions(story, glossed.as_deref(), "story")
    });
    let result_choice = |kind: ResultKind| {
        let id = format!("entry-result-{}", kind.id());
        let onchange = on.result.reform(move |_: Event| kind);
        html! {
            <div class="choice">
                <input type="radio" id={id.clone()} name="entry-result" checked={text.result == kind} {onchange} />
                <label for={id}>{ kind.label() }</label>
            </div>
        }
    };
    let result_problem = about(&problems, EntryField::Result);
    // The result's boxes are described by its problem, said once below them.
    let result_described = result_problem
        .as_ref()
        .map(|_| AttrValue::from("entry-result-error"));
    html! {
        <form class="card entry-form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <h2>{ "What happened" }</h2>
            <div class="two-fields">
                <DateField id="entry-date" label="When" value={text.date} onchange={on.date.clone()}
                    described_by={about(&problems, EntryField::Date).map(|_| AttrValue::from("entry-date-problem"))} />
                <div class="field">
                    <label for="entry-kind">{ "Kind" }</label>
                    <select id="entry-kind" onchange={on.kind.clone()}>
                        { for Kind::ALL.iter().map(|kind| html! {
                            <option value={kind.id()} selected={text.kind == *kind}>{ kind.label() }</option>
                        }) }
                    </select>
                </div>
            </div>
            { date_problem(&problems) }
            <Field id="entry-title" label="Title" value={text.title.clone()} oninput={on.title.clone()}
                problem={about(&problems, EntryField::Title)} />
            <Field id="entry-story" label="What happened, and your part in it" value={text.story.clone()}
                oninput={on.story.clone()} rows={5}
                problem={about(&problems, EntryField::Story)}
                hint="Say what you did yourself: “I proposed…, I wrote…, I led…”. A reviewer looks for your role, not the team's." />
            { (*story_terms).clone() }
            <fieldset class="entry-result">
                <legend>{ "The result" }</legend>
                <div class="choices">
                    { for ResultKind::ALL.map(result_choice) }
                </div>
                if text.result == ResultKind::Metric {
                    <div class="metric-fields">
                        <Field id="entry-metric" described_by={result_described.clone()} label="What the number measures" value={text.metric.clone()} oninput={on.metric.clone()} />
                        <Field id="entry-before" described_by={result_described.clone()} label="Before" value={text.before.clone()} oninput={on.before.clone()} />
                        <Field id="entry-after" described_by={result_described.clone()} label="After" value={text.after.clone()} oninput={on.after.clone()} />
                        <Field id="entry-unit" described_by={result_described.clone()} label="Unit (optional)" value={text.unit.clone()} oninput={on.unit.clone()} />
                    </div>
                } else if text.result == ResultKind::Sentence {
                    <Field id="entry-sentence" described_by={result_described.clone()} label="What came of it" value={text.sentence.clone()} oninput={on.sentence.clone()} rows={2} />
                }
                if let Some(problem) = result_problem {
                    <p class="field-error" id="entry-result-error">{ problem }</p>
                }
            </fieldset>
            <Field id="entry-links" label="Links (one per line)" value={text.links.clone()} oninput={on.links.clone()} rows={2}
                problem={about(&problems, EntryField::Links)}
                hint="The pull request, design document or dashboard that shows it: web addresses starting with https:// or http://." />
            <Field id="entry-confirm" label="Who can confirm it (one per line: name, role)" value={text.confirm.clone()} oninput={on.confirm.clone()} rows={2}
                problem={about(&problems, EntryField::Confirm)}
                hint="For example: “Dana, engineering manager”. Someone who saw it makes it more than your own account." />
            <Field id="entry-tags" label="Tags (separated by commas)" value={text.tags.clone()} oninput={on.tags.clone()}
                problem={about(&problems, EntryField::Tags)} />
            <p class="muted" role="status">{ status(&problems) }</p>
        </form>
    }
}

/// What the entry form does with each change, made once per form so that a
/// field's props stay equal while another field changes: only the field
/// typed in is drawn again.
struct Handlers {
    title: Callback<String>,
    story: Callback<String>,
    metric: Callback<String>,
    before: Callback<String>,
    after: Callback<String>,
    unit: Callback<String>,
    sentence: Callback<String>,
    links: Callback<String>,
    confirm: Callback<String>,
    tags: Callback<String>,
    date: Callback<Option<Date>>,
    kind: Callback<Event>,
    result: Callback<ResultKind>,
}

impl Handlers {
    /// Every change to the form goes through here: kept as typed in
    /// `form`, and saved when the whole entry can be (`seen` is the entry
    /// as stored).
    fn new(
        form: Rc<RefCell<EntryText>>,
        seen: Rc<RefCell<Rc<Entry>>>,
        edit: Callback<LogEdit>,
        redraw: UseForceUpdateHandle,
    ) -> Handlers {
        let change = Rc::new(move |update: &dyn Fn(&mut EntryText)| {
            let next = {
                let mut form = form.borrow_mut();
                update(&mut form);
                form.clone()
            };
            let stored = seen.borrow().clone();
            if let Ok(entry) = next.read(&stored) {
                if entry != *stored {
                    edit.emit(LogEdit::Put(entry));
                }
            }
            redraw.force_update();
        });
        let typed = |set: fn(&mut EntryText, String)| {
            let change = change.clone();
            Callback::from(move |value: String| change(&|t: &mut EntryText| set(t, value.clone())))
        };
        Handlers {
            title: typed(|t, v| t.title = v),
            story: typed(|t, v| t.story = v),
            metric: typed(|t, v| t.metric = v),
            before: typed(|t, v| t.before = v),
            after: typed(|t, v| t.after = v),
            unit: typed(|t, v| t.unit = v),
            sentence: typed(|t, v| t.sentence = v),
            links: typed(|t, v| t.links = v),
            confirm: typed(|t, v| t.confirm = v),
            tags: typed(|t, v| t.tags = v),
            date: {
                let change = change.clone();
                Callback::from(move |date: Option<Date>| change(&|t: &mut EntryText| t.date = date))
            },
            kind: {
                let change = change.clone();
                Callback::from(move |event: Event| {
                    let kind = Kind::from_id(&value_of(&event)).unwrap_or_default();
                    change(&|t: &mut EntryText| t.kind = kind)
                })
            },
            result: Callback::from(move |kind: ResultKind| {
                change(&|t: &mut EntryText| t.result = kind)
            }),
        }
    }
}

/// Whether the form is saved, and what stops it: the fields the form
/// shows say their own problems; any other is said here.
fn status(problems: &[Problem]) -> String {
    if problems.is_empty() {
        return "Saved.".to_owned();
    }
    let elsewhere: Vec<&str> = problems
        .iter()
        .filter(|p| matches!(p.field, EntryField::Id | EntryField::Criteria))
        .map(|p| p.message.as_str())
        .collect();
    if elsewhere.is_empty() {
        "Not saved until the problems above are fixed.".to_owned()
    } else {
        format!("Not saved: {}", elsewhere.join(" "))
    }
}

/// A problem with the date, said below the date and kind.
fn date_problem(problems: &[Problem]) -> Html {
    match about(problems, EntryField::Date) {
        Some(problem) => html! { <p class="field-error" id="entry-date-problem">{ problem }</p> },
        None => Html::default(),
    }
}

/// The criteria this entry proves: a search over the criteria of the
/// current and target levels, each a checkbox.
#[function_component]
fn Criteria(props: &EntryPropsRc) -> Html {
    let app = use_app();
    let edit = use_edit::<LogEdit>();
    let Some(rubric) = use_rubric() else {
        return html! {
            <section class="card" aria-labelledby="criteria-heading">
                <h2 id="criteria-heading">{ "Criteria it proves" }</h2>
                <p class="muted" role="status">{ "Loading the rubric…" }</p>
            </section>
        };
    };
    html! {
        <CriteriaPicker
            {rubric}
            assessment={app.state.document.assessment.shared()}
            entry={AttrValue::from(props.entry.id.clone())}
            linked={Rc::new(props.entry.criteria.clone())}
            {edit}
        />
    }
}

/// The picker proper: drawn again only when what it shows changes, not
/// with every keystroke in the entry's other fields.
#[derive(Properties)]
struct PickerProps {
    rubric: Rc<Rubric>,
    assessment: Rc<Assessment>,
    entry: AttrValue,
    linked: Rc<Vec<String>>,
    edit: Callback<LogEdit>,
}

impl PartialEq for PickerProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.rubric, &other.rubric)
            && Rc::ptr_eq(&self.assessment, &other.assessment)
            && self.entry == other.entry
            && self.linked == other.linked
            && self.edit == other.edit
    }
}

#[function_component]
fn CriteriaPicker(props: &PickerProps) -> Html {
    let query = use_state(String::new);
    let PickerProps {
        rubric,
        assessment,
        entry,
        linked,
        edit,
    } = props;
    let groups = linkable(rubric, assessment, &[]);
    // Criteria linked from elsewhere (another level or track, or gone
    // from the rubric), to be seen and unlinked here too.
    let listed: HashSet<&str> = groups
        .iter()
        .flat_map(|group| group.criteria.iter().map(|c| c.id.as_str()))
        .collect();
    let others = linked
        .iter()
        .filter(|id| !listed.contains(id.as_str()))
        .map(|id| {
            let text = criterion_text(rubric, id).unwrap_or("A criterion no longer in the rubric");
            let unlink = {
                let (entry, criterion) = (entry.to_string(), id.clone());
                edit.reform(move |_: MouseEvent| LogEdit::UnlinkCriterion {
                    entry: entry.clone(),
                    criterion: criterion.clone(),
                })
            };
            html! {
                <li key={id.as_str()}>
                    <span>{ text }</span>
                    <button type="button" class="secondary small" onclick={unlink}
                        aria-label={format!("Unlink “{text}”")}>{ "Unlink" }</button>
                </li>
            }
        })
        .collect::<Vec<Html>>();
    let groups = groups.into_iter().map(|group| {
        let shown: Vec<Html> = group
            .criteria
            .iter()
            .filter(|criterion| starts_words(&criterion.text, &query))
            .map(|criterion| {
                let checked = linked.contains(&criterion.id);
                let onchange = {
                    let (entry, criterion) = (entry.to_string(), criterion.id.clone());
                    edit.reform(move |_: Event| {
                        let (entry, criterion) = (entry.clone(), criterion.clone());
                        if checked {
                            LogEdit::UnlinkCriterion { entry, criterion }
                        } else {
                            LogEdit::LinkCriterion { entry, criterion }
                        }
                    })
                };
                let id = format!("link-{}", criterion.id);
                html! {
                    <li key={criterion.id.as_str()} class="check">
                        <input type="checkbox" id={id.clone()} {checked} {onchange} />
                        <label for={id}>{ &criterion.text }</label>
                    </li>
                }
            })
            .collect();
        if shown.is_empty() {
            return Html::default();
        }
        html! {
            <fieldset class="criteria-group" key={group.label.clone()}>
                <legend>{ &group.label }</legend>
                <ul class="checks">{ for shown }</ul>
            </fieldset>
        }
    });
    let oninput = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| query.set(value_of(&event)))
    };
    html! {
        <section class="card" aria-labelledby="criteria-heading">
            <h2 id="criteria-heading">{ format!("Criteria it proves ({})", linked.len()) }</h2>
            <p class="muted">{ "One accomplishment can prove several criteria. The criteria of your current and target levels are listed; each one you tick counts this entry as its evidence." }</p>
            <div class="field">
                <label for="criteria-search">{ "Find a criterion" }</label>
                <input id="criteria-search" type="search" value={(*query).clone()} {oninput} />
            </div>
            if !others.is_empty() {
                <h3>{ "Also linked, outside your current and target levels" }</h3>
                <ul class="other-criteria">{ for others }</ul>
            }
            <div class="criteria-picker">{ for groups }</div>
        </section>
    }
}

/// Deleting the entry, which can be undone.
#[function_component]
fn Actions(props: &EntryPropsRc) -> Html {
    let edit = use_edit::<LogEdit>();
    let on_delete = {
        let id = props.entry.id.clone();
        Callback::from(move |()| {
            edit.emit(LogEdit::Remove(id.clone()));
            dom::go(&Route::Evidence);
        })
    };
    html! {
        <section class="card" aria-labelledby="entry-actions-heading">
            <h2 id="entry-actions-heading">{ "Delete" }</h2>
            <div class="actions">
                <a class="button secondary" href={Route::Evidence.href()}>{ "Back to your log" }</a>
                <ConfirmDelete
                    label="Delete the entry…"
                    question={format!("Delete “{}”? You can undo it straight after.", props.entry.title)}
                    {on_delete}
                />
            </div>
        </section>
    }
}
