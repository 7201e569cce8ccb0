//! A short practice: a definition is shown, the user names the term (or
//! asks to be shown it), and a term they missed goes on their learning list
//! in one click.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::core::counted;
use crate::core::glossary::{Term, Terms};
use crate::core::route::Route;
use crate::core::vocabulary::{
    masked_definition, pick, pool, Familiarity, Pool, Round, Step, Verdict, VocabEdit,
};
use crate::ui::focus::{use_focus, Focus};
use crate::ui::state::{use_app, use_edit};

/// Questions in one round.
const QUESTIONS: usize = 5;

#[derive(Properties, PartialEq)]
pub struct PracticeProps {
    pub terms: Rc<Terms>,
}

#[function_component]
pub fn Practice(props: &PracticeProps) -> Html {
    let app = use_app();
    let chosen = use_state(|| Pool::Learning);
    let round = use_state(|| None::<Round>);
    let focus = use_focus();
    // The answer box, and the score heading at the end of a round.
    let answer = use_node_ref();
    let result = use_node_ref();
    let all = props.terms.all();
    let candidates = pool(&all, &app.state.document.vocabulary, *chosen);

    let on_pool = {
        let chosen = chosen.clone();
        Callback::from(move |event: Event| {
            let id = event.target_unchecked_into::<HtmlSelectElement>().value();
            chosen.set(Pool::from_id(&id).unwrap_or(Pool::Learning));
        })
    };
    let start = {
        let (round, candidates) = (round.clone(), candidates.clone());
        let (focus, answer) = (focus.clone(), answer.clone());
        Callback::from(move |_: MouseEvent| {
            let seed = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
            round.set(Some(Round::new(pick(&candidates, QUESTIONS, seed))));
            focus.to(&answer);
        })
    };

    let body = match &*round {
        None => {
            let count = candidates.len();
            html! {
                <>
                    <div class="field">
                        <label for="practice-pool">{ "Practise with" }</label>
                        <select id="practice-pool" onchange={on_pool}>
                            { for Pool::ALL.iter().map(|p| html! {
                                <option value={p.id()} selected={*p == *chosen}>{ p.label() }</option>
                            }) }
                        </select>
                    </div>
                    if count == 0 {
                        <p class="hint">{ "No terms here yet. Mark terms as Learning on their pages, or practise with all terms." }</p>
                    } else {
                        <p class="hint">{ format!("{} from {}.", counted(QUESTIONS.min(count), "question", "questions"), counted(count, "term", "terms")) }</p>
                        <button type="button" onclick={start}>{ "Start practising" }</button>
                    }
                </>
            }
        }
        Some(current) if current.done() => summary(&props.terms, current, start, &result),
        Some(current) => question(&props.terms, current, &round, &focus, &answer, &result),
    };
    html! {
        <details class="tool" id="practice-tool">
            <summary>{ "Practise" }</summary>
            <div class="practice">{ body }</div>
        </details>
    }
}

/// The question on screen. Focus moves to `answer` for the next question,
/// or to `result` once the round is done.
fn question(
    terms: &Terms,
    current: &Round,
    round: &UseStateHandle<Option<Round>>,
    focus: &Focus,
    answer: &NodeRef,
    result: &NodeRef,
) -> Html {
    let at = current.at();
    let term = terms.get(current.questions[at]);
    let checked = current.checked;
    let oninput = {
        let round = round.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(current) = &*round {
                let mut next = current.clone();
                next.type_answer(event.target_unchecked_into::<HtmlInputElement>().value());
                round.set(Some(next));
            }
        })
    };
    let onsubmit = {
        let round = round.clone();
        let (focus, answer, result) = (focus.clone(), answer.clone(), result.clone());
        let term = term.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(current) = &*round else { return };
            let mut next = current.clone();
            match next.submit(&term) {
                Step::Next if next.done() => focus.to(&result),
                Step::Next | Step::Blank => focus.to(&answer),
                Step::Checked(_) => {}
            }
            round.set(Some(next));
        })
    };
    // "Show me" goes away once the answer is shown: focus stays in the
    // question, on the answer box, rather than falling to the page.
    let show = {
        let round = round.clone();
        let (focus, answer) = (focus.clone(), answer.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(current) = &*round else { return };
            let mut next = current.clone();
            next.show();
            round.set(Some(next));
            focus.to(&answer);
        })
    };
    let verdict = checked.then(|| current.verdicts[at]);
    let feedback = match verdict {
        Some(verdict) => verdict_note(verdict, term),
        None if current.blank => html! {
            <p class="verdict verdict-blank">
                <span class="verdict-mark" aria-hidden="true">{ "!" }</span>
                <span>{ "Type the term first, or choose “Show me” to see it. Nothing has been counted." }</span>
            </p>
        },
        None => Html::default(),
    };
    let last = at + 1 == current.questions.len();
    html! {
        <form {onsubmit} novalidate=true>
            <h2>{ format!("Question {} of {}", at + 1, current.questions.len()) }</h2>
            <blockquote class="practice-definition"><p>{ masked_definition(term) }</p></blockquote>
            <div class="field">
                <label for="practice-answer">{ "Which term is this?" }</label>
                <input ref={answer.clone()} id="practice-answer" type="text" autocomplete="off" spellcheck="false"
                    value={current.answer.clone()} {oninput} readonly={checked}
                    aria-describedby="practice-feedback" />
            </div>
            <div id="practice-feedback" class="status" role="status">{ feedback }</div>
            if verdict.is_some_and(Verdict::missed) {
                <Learn key={term.id.clone()} id={term.id.clone()} name={term.name.clone()} />
            }
            <div class="actions">
                <button type="submit">{ match (checked, last) {
                    (false, _) => "Check",
                    (true, false) => "Next question",
                    (true, true) => "See how you did",
                } }</button>
                if !checked {
                    <button type="button" class="secondary" onclick={show}>{ "Show me" }</button>
                }
            </div>
        </form>
    }
}

/// What the verdict on an answer says: a mark and words, so that right,
/// nearly right, wrong and shown differ by more than their colours.
fn verdict_note(verdict: Verdict, term: &Term) -> Html {
    let link = html! { <a href={Route::GlossaryTerm(term.id.clone()).href()}>{ &term.name }</a> };
    let (class, mark, words) = match verdict {
        Verdict::Right => (
            "verdict-right",
            "✓",
            html! { <><strong>{ "Right:" }</strong>{ " " }{ link }{ "." }</> },
        ),
        Verdict::Close => (
            "verdict-close",
            "≈",
            html! { <><strong>{ "Nearly right:" }</strong>{ " it is spelled " }{ link }{ ". Counted as known." }</> },
        ),
        Verdict::Wrong => (
            "verdict-wrong",
            "✗",
            html! { <><strong>{ "Not this time:" }</strong>{ " it is " }{ link }{ "." }</> },
        ),
        Verdict::Shown => (
            "verdict-shown",
            "?",
            html! { <><strong>{ "The answer:" }</strong>{ " " }{ link }{ ". Counted as not known this time." }</> },
        ),
    };
    html! {
        <p class={classes!("verdict", class)}>
            <span class="verdict-mark" aria-hidden="true">{ mark }</span>
            <span>{ words }</span>
        </p>
    }
}

#[derive(Properties, PartialEq)]
struct LearnProps {
    id: String,
    name: String,
}

/// For a term the user missed: one button that puts it on their learning
/// list, which then says so (and takes focus, since the button is gone);
/// or, when it is there already, only that.
#[function_component]
fn Learn(props: &LearnProps) -> Html {
    let app = use_app();
    let edit = use_edit::<VocabEdit>();
    let added = use_state(|| false);
    let note = use_node_ref();
    let focus = use_focus();
    let learning = app.state.document.vocabulary.familiarity(&props.id) == Familiarity::Learning;
    if learning {
        let text = if *added {
            format!("Added “{}” to your learning list.", props.name)
        } else {
            format!("“{}” is on your learning list already.", props.name)
        };
        return html! { <p class="practice-learn" tabindex="-1" ref={note}>{ text }</p> };
    }
    let onclick = {
        let id = props.id.clone();
        Callback::from(move |_: MouseEvent| {
            edit.emit(VocabEdit::SetFamiliarity(id.clone(), Familiarity::Learning));
            added.set(true);
            focus.to(&note);
        })
    };
    html! {
        <p class="practice-learn">
            <button type="button" class="secondary" {onclick}>
                { format!("Add “{}” to my learning list", props.name) }
            </button>
        </p>
    }
}

/// How the round went; focus comes to its heading, `result`.
fn summary(terms: &Terms, current: &Round, again: Callback<MouseEvent>, result: &NodeRef) -> Html {
    let right = current.right();
    let rows = current
        .questions
        .iter()
        .zip(&current.verdicts)
        .map(|(term, verdict)| {
            let term = terms.get(*term);
            let mark = match verdict {
                Verdict::Right | Verdict::Close => "Knew it",
                Verdict::Wrong => "Missed",
                Verdict::Shown => "Shown",
            };
            html! {
                <li key={term.id.clone()}>
                    <span>
                        <a href={Route::GlossaryTerm(term.id.clone()).href()}>{ &term.name }</a>
                        { format!(": {mark}") }
                    </span>
                    if verdict.missed() {
                        <Learn id={term.id.clone()} name={term.name.clone()} />
                    }
                </li>
            }
        });
    html! {
        <>
            <h2 tabindex="-1" ref={result.clone()}>{ format!("You knew {right} of {}", current.questions.len()) }</h2>
            <ul class="practice-results">{ for rows }</ul>
            <p class="hint">{ "Open a term to mark it as Learning or Confident." }</p>
            <button type="button" onclick={again}>{ "Practise again" }</button>
        </>
    }
}
