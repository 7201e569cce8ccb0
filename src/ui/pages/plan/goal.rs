//! `#/plan/<id>`: one goal, its five SMART parts checked as they are
//! typed, and its milestones.

use std::rc::Rc;

use yew::prelude::*;

use super::{plan_nav, smart_check, use_rubric};
use crate::core::assessment::Assessment;
use crate::core::export::plan::criterion_text;
use crate::core::part::Item;
use crate::core::plan::{linkable, Goal, GoalText, Milestone, PlanEdit};
use crate::core::progress::{goal_percent, milestone_overdue};
use crate::core::route::Route;
use crate::core::rubric::Rubric;
use crate::core::schema::Change;
use crate::core::smart::{Finding, Letter};
use crate::core::time::Date;
use crate::ui::clock::{now, today};
use crate::ui::components::confirm::ConfirmDelete;
use crate::ui::components::date_field::DateField;
use crate::ui::components::field::Field;
use crate::ui::components::page_header::PageHeader;
use crate::ui::components::term_links::mentions;
use crate::ui::dom::{self, value_of};
use crate::ui::focus::{focus, use_focus};
use crate::ui::state::{use_app, use_edit, Action};
use crate::ui::terms::use_glossed;

#[derive(Properties, PartialEq)]
pub struct GoalProps {
    pub id: AttrValue,
}

#[function_component]
pub fn GoalPage(props: &GoalProps) -> Html {
    let app = use_app();
    let edit = use_edit::<PlanEdit>();
    let plan = &app.state.document.plan;
    let Some(goal) = plan.goal(&props.id) else {
        return html! {
            <>
                <PageHeader title="No such goal" />
                <p>{ "Your plan has no goal at this address. It may have been deleted." }</p>
                <p><a href={Route::Plan.href()}>{ "Go to your plan" }</a></p>
            </>
        };
    };
    html! {
        <article class="goal-page">
            <PageHeader title={goal.title().to_owned()} />
            { plan_nav(&Route::Goal(goal.id.clone())) }
            <div class="goal-layout">
                <GoalForm goal={goal.clone()} />
                <div class="goal-side">
                    <Milestones goal={goal.clone()} />
                    <GoalActions id={goal.id.clone()} title={goal.title().to_owned()} done={goal.done}
                        milestones={goal.milestones.len()} {edit} />
                </div>
            </div>
            <p><a href={Route::Plan.href()}>{ "← Back to the plan" }</a></p>
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct GoalItemProps {
    goal: Item<Goal>,
}

/// The goal's texts, in the order of their fields.
const TEXTS: [GoalText; 6] = [
    GoalText::Outcome,
    GoalText::Metric,
    GoalText::Baseline,
    GoalText::Target,
    GoalText::Support,
    GoalText::Time,
];

/// The SMART parts, one fieldset per letter, each followed by what the
/// check finds weak about it. Every keystroke is kept (the autosave
/// batches them), so nothing typed is lost by leaving the page.
#[function_component]
fn GoalForm(props: &GoalItemProps) -> Html {
    let app = use_app();
    let edit = use_edit::<PlanEdit>();
    let glossed = use_glossed();
    let rubric = use_rubric();
    let outcome_ref = use_node_ref();
    let goal = &props.goal;
    {
        // A goal made from a criterion opens on its empty outcome, to be
        // written in the user's own words: the outcome takes the focus a
        // navigation gives the page's heading, whether the heading has
        // taken it already or not.
        let (outcome_ref, empty) = (outcome_ref.clone(), goal.outcome.trim().is_empty());
        use_effect_with(goal.id.clone(), move |_| {
            if empty {
                crate::ui::take_focus();
                focus(&outcome_ref);
            }
        });
    }
    // The callbacks, for each text and for the date, are made once (the
    // page is keyed by its goal), so that a keystroke in one field draws
    // that field alone again.
    let on = use_memo(goal.id.clone(), {
        let edit = edit.clone();
        move |goal: &String| {
            let texts = TEXTS.map(|field| {
                let goal = goal.clone();
                edit.reform(move |text: String| PlanEdit::SetGoalText {
                    goal: goal.clone(),
                    field,
                    text,
                })
            });
            let goal = goal.clone();
            let due = edit.reform(move |due: Option<Date>| PlanEdit::SetGoalDue {
                goal: goal.clone(),
                due,
            });
            (texts, due)
        }
    });
    let (on_text, on_due) = &*on;
    // Linked terms follow the outcome, not every other keystroke.
    let outcome_terms = use_memo((goal.outcome.clone(), glossed), |(outcome, glossed)| {
        mentions(outcome, glossed.as_deref(), "outcome")
    });
    let smart = smart_check(goal, &app.state.document.plan, rubric.as_deref(), today());
    let finding = |letter: Letter| &smart.findings[letter as usize];
    // While the outcome is empty, what the linked criterion asks for, to be
    // said in other words.
    let prompt = goal
        .outcome
        .trim()
        .is_empty()
        .then(|| goal.criteria.first())
        .flatten()
        .map(|id| {
            let text = rubric
                .as_deref()
                .and_then(|rubric| criterion_text(rubric, id))
                .unwrap_or(id);
            html! {
                <p class="outcome-prompt">
                    { "This goal proves the criterion “" }{ text.to_owned() }{ "”. Say in your own words what you will achieve: the piece of work, what it changes, and who will see it." }
                </p>
            }
        });
    // One of the SMART texts, saved field by field as it is typed.
    let field = |id: &'static str, label: &'static str, field: GoalText, letter: Letter| {
        let at = TEXTS.iter().position(|text| *text == field);
        let oninput = on_text[at.expect("every text has its field")].clone();
        let rows = (field == GoalText::Outcome).then_some(3);
        let input_ref = (field == GoalText::Outcome).then(|| outcome_ref.clone());
        html! {
            <Field {id} {label} value={field.of(goal).to_owned()} {oninput} {rows} {input_ref}
                described_by={format!("smart-{}", letter.initial())} />
        }
    };
    let assessment = app.state.document.assessment.shared();
    html! {
        <form class="goal-form card" novalidate=true onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
            <h2>{ "The goal, letter by letter" }</h2>
            <p class={classes!("smart-summary", smart.is_strong().then_some("strong"))}>
                { format!("SMART check: {}", smart.summary()) }
            </p>
            <fieldset class="smart">
                <legend>{ letter_legend(Letter::Specific) }</legend>
                { for prompt }
                { field("goal-outcome", "What will be true when it is done?", GoalText::Outcome, Letter::Specific) }
                { (*outcome_terms).clone() }
                { problems(finding(Letter::Specific)) }
            </fieldset>
            <fieldset class="smart">
                <legend>{ letter_legend(Letter::Measurable) }</legend>
                <div class="smart-fields">
                    { field("goal-metric", "What you will measure", GoalText::Metric, Letter::Measurable) }
                    { field("goal-baseline", "Where it stands today", GoalText::Baseline, Letter::Measurable) }
                    { field("goal-target", "The target", GoalText::Target, Letter::Measurable) }
                </div>
                { problems(finding(Letter::Measurable)) }
            </fieldset>
            <fieldset class="smart">
                <legend>{ letter_legend(Letter::Achievable) }</legend>
                <div class="smart-fields">
                    { field("goal-support", "Who or what will help", GoalText::Support, Letter::Achievable) }
                    { field("goal-time", "Time you will give it", GoalText::Time, Letter::Achievable) }
                </div>
                { problems(finding(Letter::Achievable)) }
            </fieldset>
            <fieldset class="smart">
                <legend>{ letter_legend(Letter::Relevant) }</legend>
                <Criteria goal={AttrValue::from(goal.id.clone())} linked={goal.criteria.clone()}
                    rubric={rubric.clone()} {assessment} {edit} />
                { problems(finding(Letter::Relevant)) }
            </fieldset>
            <fieldset class="smart">
                <legend>{ letter_legend(Letter::TimeBound) }</legend>
                <DateField id="goal-due" label="Due date" value={goal.due} onchange={on_due.clone()} described_by="smart-T" />
                { problems(finding(Letter::TimeBound)) }
            </fieldset>
        </form>
    }
}

fn letter_legend(letter: Letter) -> Html {
    html! {
        <>
            <span class="smart-letter" aria-hidden="true">{ letter.initial() }</span>
            { letter.label() }
        </>
    }
}

/// What is weak about one letter, or that it is strong. The fields of the
/// letter point here with `aria-describedby`.
fn problems(finding: &Finding) -> Html {
    let id = format!("smart-{}", finding.letter.initial());
    if finding.is_strong() {
        return html! { <p {id} class="smart-ok">{ "✓ Strong" }</p> };
    }
    html! {
        <ul {id} class="smart-problems">
            { for finding.problems.iter().map(|problem| html! { <li>{ problem }</li> }) }
        </ul>
    }
}

#[derive(Properties)]
struct CriteriaProps {
    /// The goal's id.
    goal: AttrValue,
    /// The ids of the criteria it is linked to.
    linked: Vec<String>,
    rubric: Option<Rc<Rubric>>,
    assessment: Rc<Assessment>,
    edit: Callback<PlanEdit>,
}

/// The same rubric and assessment by pointer (both are large), and the
/// same links: the criteria are not drawn again with every keystroke in
/// the goal's texts.
impl PartialEq for CriteriaProps {
    fn eq(&self, other: &Self) -> bool {
        self.goal == other.goal
            && self.linked == other.linked
            && crate::ui::same(&self.rubric, &other.rubric)
            && Rc::ptr_eq(&self.assessment, &other.assessment)
            && self.edit == other.edit
    }
}

/// The rubric criteria the goal proves: the ones linked, and a choice of
/// the criteria of the levels being assessed (or, before an assessment,
/// of every level of the first track).
#[function_component]
fn Criteria(props: &CriteriaProps) -> Html {
    let chosen = use_state(String::new);
    let CriteriaProps {
        goal,
        linked,
        rubric,
        assessment,
        edit,
    } = props;
    let links = linked.iter().map(|id| {
        let text = rubric
            .as_deref()
            .and_then(|rubric| criterion_text(rubric, id))
            .unwrap_or(id)
            .to_owned();
        let unlink = {
            let (goal, criterion) = (goal.to_string(), id.clone());
            edit.reform(move |_: MouseEvent| PlanEdit::UnlinkCriterion {
                goal: goal.clone(),
                criterion: criterion.clone(),
            })
        };
        html! {
            <li key={id.as_str()}>
                <span>{ text.clone() }</span>
                <button type="button" class="secondary small" onclick={unlink} aria-label={format!("Unlink “{text}”")}>{ "Unlink" }</button>
            </li>
        }
    });
    let options: Html = rubric
        .as_deref()
        .map(|rubric| linkable(rubric, assessment, linked))
        .unwrap_or_default()
        .into_iter()
        .map(|group| {
            let options = group.criteria.iter().map(|criterion| {
                html! { <option value={criterion.id.clone()}>{ &criterion.text }</option> }
            });
            html! { <optgroup label={group.label}>{ for options }</optgroup> }
        })
        .collect();
    let onchange = {
        let chosen = chosen.setter();
        Callback::from(move |event: Event| chosen.set(value_of(&event)))
    };
    let link = {
        let (goal, chosen) = (goal.to_string(), chosen.clone());
        let edit = edit.clone();
        Callback::from(move |_: MouseEvent| {
            if chosen.is_empty() {
                return;
            }
            edit.emit(PlanEdit::LinkCriterion {
                goal: goal.clone(),
                criterion: (*chosen).clone(),
            });
            chosen.set(String::new());
        })
    };
    html! {
        <>
            if linked.is_empty() {
                <p class="muted">{ "No criteria linked yet." }</p>
            } else {
                <ul class="linked-criteria">{ for links }</ul>
            }
            if rubric.is_some() {
                <div class="field">
                    <label for="goal-criterion">{ "Link a rubric criterion this goal proves" }</label>
                    <div class="inline-form">
                        <select id="goal-criterion" {onchange} aria-describedby="smart-R">
                            <option value="" selected={chosen.is_empty()}>{ "Choose a criterion…" }</option>
                            { options }
                        </select>
                        <button type="button" onclick={link}>{ "Link" }</button>
                    </div>
                </div>
            }
        </>
    }
}

/// The goal's milestones, by due date: done or not, due when, each
/// editable in place; a form for the next; and, after a deletion, the offer
/// to undo it right here.
#[function_component]
fn Milestones(props: &GoalItemProps) -> Html {
    let app = use_app();
    let edit = use_edit::<PlanEdit>();
    let focus = use_focus();
    let (input, heading, undo_ref) = (use_node_ref(), use_node_ref(), use_node_ref());
    let title = use_state(String::new);
    let due = use_state(|| None::<Date>);
    let problem = use_state(|| None);
    // The undo label of the deletion made here, while it is on offer.
    let deleted = use_state(|| None::<String>);
    let goal = &props.goal;
    let today = today();
    // The document on screen, read when a milestone is deleted (for what
    // to call the deletion), so that `on_delete` stays the same from one
    // render to the next and the milestones are not drawn again.
    let document = use_mut_ref(|| app.state.document.clone());
    *document.borrow_mut() = app.state.document.clone();
    // Made once, as are the callbacks of the form for the next milestone,
    // so that the milestones and the form's fields are drawn again only
    // when what they show changes.
    let on = use_memo(goal.id.clone(), {
        let (deleted, undo_ref) = (deleted.setter(), undo_ref.clone());
        let (edit, focus) = (edit.clone(), focus.clone());
        let (title, due, problem) = (title.setter(), due.setter(), problem.setter());
        move |goal: &String| {
            let goal = goal.clone();
            let delete = Callback::from(move |milestone: String| {
                let change = PlanEdit::DeleteMilestone {
                    goal: goal.clone(),
                    milestone,
                };
                deleted.set(change.undo_label(&document.borrow()));
                edit.emit(change);
                focus.to(&undo_ref);
            });
            let title = Callback::from(move |text: String| {
                title.set(text);
                problem.set(None);
            });
            (delete, title, due.to_callback())
        }
    });
    let (on_delete, on_title, on_due) = &*on;
    let undo_offer = deleted.as_ref().filter(|label| {
        app.state
            .undo
            .as_ref()
            .is_some_and(|undo| &undo.message == *label)
    });
    let undo = {
        let (dispatcher, focus, heading) = (app.state.dispatcher(), focus.clone(), heading.clone());
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(Action::Undo);
            focus.to(&heading);
        })
    };
    let items: Html = goal
        .milestones_by_due()
        .into_iter()
        .map(|milestone| {
            html! {
                <MilestoneItem key={milestone.id.as_str()} goal={goal.id.clone()}
                    milestone={milestone.clone()}
                    overdue={milestone_overdue(milestone, goal, today)}
                    on_delete={on_delete.clone()} edit={edit.clone()} />
            }
        })
        .collect();
    let onsubmit = {
        let (title, due, problem, input) =
            (title.clone(), due.clone(), problem.clone(), input.clone());
        let goal = goal.id.clone();
        let plan = app.state.document.plan.shared();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match plan.new_milestone(&title, *due, now()) {
                Ok(milestone) => {
                    edit.emit(PlanEdit::SaveMilestone {
                        goal: goal.clone(),
                        milestone,
                    });
                    title.set(String::new());
                    due.set(None);
                    problem.set(None);
                }
                Err(missing) => problem.set(Some(missing.message())),
            }
            focus.to(&input);
        })
    };
    let percent = goal_percent(goal);
    html! {
        <section class="card" aria-labelledby="milestones-heading">
            <h2 id="milestones-heading" ref={heading} tabindex="-1">{ "Milestones" }</h2>
            <p>{ format!("{percent}% done") }</p>
            <progress max="100" value={percent.to_string()} aria-label={format!("Goal {percent}% done")}></progress>
            if let Some(label) = undo_offer {
                <div class="milestone-undo">
                    <p>{ label }</p>
                    <button type="button" ref={undo_ref} onclick={undo}>{ "Undo" }</button>
                </div>
            }
            if goal.milestones.is_empty() {
                <p class="muted">{ "Break the goal into steps you can finish in a few weeks each." }</p>
            } else {
                <ul class="milestones">{ items }</ul>
            }
            <form class="milestone-form" novalidate=true {onsubmit}>
                <h3>{ "Add a milestone" }</h3>
                <Field
                    id="milestone-title"
                    label="Milestone"
                    value={(*title).clone()}
                    oninput={on_title.clone()}
                    problem={*problem}
                    input_ref={input}
                />
                <DateField id="milestone-due" label="Due date" value={*due} onchange={on_due.clone()} />
                <div class="actions"><button type="submit">{ "Add the milestone" }</button></div>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct MilestoneProps {
    goal: String,
    milestone: Milestone,
    overdue: bool,
    /// Deletes the milestone with this id.
    on_delete: Callback<String>,
    /// The form's edits, handed down rather than taken from the app's
    /// context, which changes with every keystroke on the page.
    edit: Callback<PlanEdit>,
}

/// One milestone: its checkbox, when it is due, and its buttons; or, while
/// it is being edited, its name and due date in a small form.
#[function_component]
fn MilestoneItem(props: &MilestoneProps) -> Html {
    let edit = props.edit.clone();
    let focus = use_focus();
    let (edit_button, name_input) = (use_node_ref(), use_node_ref());
    let editing = use_state(|| false);
    let title = use_state(String::new);
    let due = use_state(|| None::<Date>);
    let problem = use_state(|| None);
    let milestone = &props.milestone;
    let id = format!("milestone-{}", milestone.id);
    if *editing {
        let onsubmit = {
            let (editing, problem, edit_button) =
                (editing.setter(), problem.setter(), edit_button.clone());
            let (title, due) = (title.clone(), due.clone());
            let (goal, milestone, focus) = (props.goal.clone(), milestone.clone(), focus.clone());
            Callback::from(move |event: SubmitEvent| {
                event.prevent_default();
                match milestone.edited(&title, *due) {
                    Ok(edited) => {
                        edit.emit(PlanEdit::SaveMilestone {
                            goal: goal.clone(),
                            milestone: edited,
                        });
                        editing.set(false);
                        focus.to(&edit_button);
                    }
                    Err(missing) => problem.set(Some(missing.message())),
                }
            })
        };
        let cancel = {
            let (editing, edit_button, focus) =
                (editing.setter(), edit_button.clone(), focus.clone());
            Callback::from(move |_: MouseEvent| {
                editing.set(false);
                focus.to(&edit_button);
            })
        };
        let on_title = {
            let (title, problem) = (title.setter(), problem.setter());
            Callback::from(move |text: String| {
                title.set(text);
                problem.set(None);
            })
        };
        return html! {
            <li class="milestone milestone-editing">
                <form novalidate=true {onsubmit} aria-label={format!("Edit the milestone “{}”", milestone.title)}>
                    <Field id={format!("{id}-title")} label="Name" value={(*title).clone()}
                        oninput={on_title} problem={*problem} input_ref={name_input} />
                    <DateField id={format!("{id}-due")} label="Due" value={*due}
                        onchange={due.setter().to_callback()} />
                    <div class="actions">
                        <button type="submit">{ "Save" }</button>
                        <button type="button" class="secondary" onclick={cancel}>{ "Cancel" }</button>
                    </div>
                </form>
            </li>
        };
    }
    let toggle = {
        let (goal, milestone) = (props.goal.clone(), milestone.clone());
        edit.reform(move |_: Event| PlanEdit::SetMilestoneDone {
            goal: goal.clone(),
            milestone: milestone.id.clone(),
            done: milestone.done.is_none().then(crate::ui::clock::today),
        })
    };
    let start_editing = {
        let (editing, title, due) = (editing.setter(), title.setter(), due.setter());
        let (milestone, name_input) = (milestone.clone(), name_input.clone());
        Callback::from(move |_: MouseEvent| {
            title.set(milestone.title.clone());
            due.set(milestone.due);
            editing.set(true);
            focus.to(&name_input);
        })
    };
    let delete = props.on_delete.reform({
        let id = milestone.id.clone();
        move |_: MouseEvent| id.clone()
    });
    let meta = match (milestone.done, milestone.due) {
        (Some(done), _) => format!("Done {}", done.label()),
        (None, Some(due)) => format!("Due {}", due.label()),
        (None, None) => "No due date".to_owned(),
    };
    html! {
        <li class="milestone" data-overdue={props.overdue.then_some("true")}>
            <input type="checkbox" id={id.clone()} checked={milestone.done.is_some()} onchange={toggle} />
            <label for={id}>{ &milestone.title }</label>
            <span class="milestone-meta">
                if props.overdue {
                    <span class="tag tag-overdue">{ "Overdue" }</span>
                }
                { meta }
            </span>
            <span class="milestone-actions">
                <button type="button" class="secondary small" ref={edit_button} onclick={start_editing} aria-label={format!("Edit the milestone “{}”", milestone.title)}>{ "Edit" }</button>
                <button type="button" class="secondary small" onclick={delete} aria-label={format!("Delete the milestone “{}”", milestone.title)}>{ "Delete" }</button>
            </span>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct GoalActionsProps {
    id: String,
    title: AttrValue,
    done: Option<Date>,
    /// How many milestones go with the goal.
    milestones: usize,
    edit: Callback<PlanEdit>,
}

/// Finishing, reopening and deleting the goal. Given only what it shows,
/// so that typing in the goal's texts does not draw it again.
#[function_component]
fn GoalActions(props: &GoalActionsProps) -> Html {
    let GoalActionsProps {
        id,
        title,
        done,
        milestones,
        edit,
    } = props;
    let toggle = {
        let id = id.clone();
        let done = done.is_none().then(today);
        edit.reform(move |_: MouseEvent| PlanEdit::SetGoalDone {
            goal: id.clone(),
            done,
        })
    };
    let on_delete = {
        let (id, edit) = (id.clone(), edit.clone());
        Callback::from(move |()| {
            edit.emit(PlanEdit::DeleteGoal(id.clone()));
            dom::go(&Route::Plan);
        })
    };
    html! {
        <section class="card" aria-labelledby="goal-status-heading">
            <h2 id="goal-status-heading">{ "Status" }</h2>
            <p>{ match done {
                Some(done) => format!("Done on {}.", done.label()),
                None => "Active.".to_owned(),
            } }</p>
            <div class="actions">
                <button type="button" onclick={toggle}>{ if done.is_some() { "Reopen the goal" } else { "Mark the goal done" } }</button>
                <ConfirmDelete
                    label="Delete the goal…"
                    question={format!("Delete “{title}” and its {}? You can undo it straight after.", crate::core::counted(*milestones, "milestone", "milestones"))}
                    {on_delete}
                />
            </div>
        </section>
    }
}
